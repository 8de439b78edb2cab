package dev.mailslot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MailslotTransports}.
 */
class MailslotTransportsTests {

	@Test
	void findsTheTransportsOfThisBuild() {
		assertThat(MailslotTransports.ids()).contains("posix", "memory");
		assertThat(MailslotTransports.get("memory").id()).isEqualTo("memory");
		assertThat(MailslotTransports.get(" Memory ").id()).isEqualTo("memory");
	}

	@Test
	void defaultIsWin32OnWindowsAndPosixOnLinux() {
		assertThat(MailslotTransports.defaultTransportId("Windows 11")).isEqualTo("win32");
		assertThat(MailslotTransports.defaultTransportId("Windows Server 2025")).isEqualTo("win32");
		assertThat(MailslotTransports.defaultTransportId("Linux")).isEqualTo("posix");
		assertThat(MailslotTransports.defaultTransportId("Mac OS X")).isNull();
		assertThat(MailslotTransports.defaultTransportId("FreeBSD")).isNull();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void autoIsPosixOnLinux() {
		assertThat(MailslotTransports.get("auto").id()).isEqualTo("posix");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void win32IsUnavailableOnLinuxWithoutLoadingKernel32() {
		assertThat(MailslotTransports.ids()).contains("win32");
		assertThatExceptionOfType(TransportUnavailableException.class).isThrownBy(() -> MailslotTransports.get("win32"))
			.withMessageContaining("'win32' cannot run here: it needs Windows (kernel32 mailslots), and this is Linux")
			.withMessageContaining("posix (can run here)");
	}

	@Test
	void unknownTransportListsTheTransportsThatExist() {
		assertThatExceptionOfType(TransportUnavailableException.class).isThrownBy(() -> MailslotTransports.get("pipes"))
			.withMessageContaining("'pipes' does not exist")
			.withMessageContaining("memory (can run here)")
			.satisfies((ex) -> assertThat(ex.getTransport()).isEqualTo("pipes"));
	}

	@Test
	void theNetworkTransportSaysHowToStartIt() {
		assertThatExceptionOfType(TransportUnavailableException.class).isThrownBy(() -> MailslotTransports.get("network"))
			.withMessageContaining("'network' cannot run here: it needs an address")
			.withMessageContaining("NetworkMailslotTransport.start(NetworkOptions)")
			.withMessageNotContaining("mailslot.network");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void autoOnAnUnsupportedSystemNamesTheTransportsThatCanRun() {
		assertThatExceptionOfType(TransportUnavailableException.class)
			.isThrownBy(() -> MailslotTransports.get("auto", "Mac OS X"))
			.withMessageContaining("No default mailslot transport for Mac OS X")
			.withMessageContaining("memory (can run here)")
			.withMessageContaining("instead of 'auto'");
	}

}
