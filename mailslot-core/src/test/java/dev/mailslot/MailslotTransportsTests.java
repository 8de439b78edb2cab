package dev.mailslot;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.spi.MailslotTransportProvider;
import dev.mailslot.spi.OperatingSystem;

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
	void defaultIsWin32OnWindowsPosixOnLinuxAndUnixOnMacOsAndTheBsds() {
		assertThat(MailslotTransports.defaultTransportId("Windows 11")).isEqualTo("win32");
		assertThat(MailslotTransports.defaultTransportId("Windows Server 2025")).isEqualTo("win32");
		assertThat(MailslotTransports.defaultTransportId("Linux")).isEqualTo("posix");
		assertThat(MailslotTransports.defaultTransportId("Mac OS X")).isEqualTo("unix");
		assertThat(MailslotTransports.defaultTransportId("FreeBSD")).isEqualTo("unix");
		assertThat(MailslotTransports.defaultTransportId("OpenBSD")).isEqualTo("unix");
		assertThat(MailslotTransports.defaultTransportId("SunOS")).isNull();
	}

	@Test
	void theDefaultIsTheTransportOfHighestPriorityAmongThoseThatServeTheSystem() {
		MailslotTransportProvider portable = new DeclaredProvider("portable",
				EnumSet.of(OperatingSystem.LINUX, OperatingSystem.MACOS, OperatingSystem.BSD), OptionalInt.of(50));
		MailslotTransportProvider nativeLinux = new DeclaredProvider("native", EnumSet.of(OperatingSystem.LINUX),
				OptionalInt.of(100));
		MailslotTransportProvider everywhere = new DeclaredProvider("everywhere", EnumSet.allOf(OperatingSystem.class),
				OptionalInt.empty());
		List<MailslotTransportProvider> providers = List.of(portable, nativeLinux, everywhere);
		assertThat(MailslotTransports.defaultProvider(providers, "Linux")).isSameAs(nativeLinux);
		assertThat(MailslotTransports.defaultProvider(providers, "Mac OS X")).isSameAs(portable);
		assertThat(MailslotTransports.defaultProvider(providers, "FreeBSD")).isSameAs(portable);
		assertThat(MailslotTransports.defaultProvider(providers, "Windows 11")).isNull();
		MailslotTransportProvider rival = new DeclaredProvider("another", EnumSet.of(OperatingSystem.MACOS),
				OptionalInt.of(50));
		assertThat(MailslotTransports.defaultProvider(List.of(portable, rival), "Mac OS X")).isSameAs(rival);
	}

	@Test
	void eachTransportDeclaresThePlatformOptionsItReads() {
		assertThat(MailslotTransports.platformOptions("win32")).containsExactlyInAnyOrder(PlatformOption.INHERIT_HANDLE,
				PlatformOption.SECURITY_DESCRIPTOR);
		assertThat(MailslotTransports.platformOptions("posix")).containsExactlyInAnyOrder(PlatformOption.MODE,
				PlatformOption.ALLOW_WORLD_ACCESS, PlatformOption.QUEUE_CAPACITY, PlatformOption.HOLD_CAPACITY);
		assertThat(MailslotTransports.platformOptions("unix")).containsExactlyInAnyOrder(PlatformOption.MODE,
				PlatformOption.ALLOW_WORLD_ACCESS, PlatformOption.HOLD_CAPACITY);
		assertThat(MailslotTransports.platformOptions(" Memory ")).isEmpty();
		assertThat(MailslotTransports.platformOptions("pipes")).isEmpty();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void autoIsPosixOnLinux() {
		assertThat(MailslotTransports.get("auto").id()).isEqualTo("posix");
	}

	@Test
	@EnabledOnOs({ OS.MAC, OS.FREEBSD, OS.OPENBSD })
	void autoIsUnixOnMacOsAndTheBsds() {
		assertThat(MailslotTransports.get("auto").id()).isEqualTo("unix");
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
			.withMessageContaining("'pipes' does not exist in this build (no MailslotTransportProvider of that id")
			.withMessageContaining("memory (can run here)")
			.satisfies((ex) -> assertThat(ex.getTransport()).isEqualTo("pipes"));
	}

	@Test
	void theNetworkTransportSaysHowToStartIt() {
		assertThatExceptionOfType(TransportUnavailableException.class)
			.isThrownBy(() -> MailslotTransports.get("network"))
			.withMessageContaining("'network' cannot run here: it needs an address")
			.withMessageContaining("NetworkMailslotTransport.start(NetworkOptions)")
			.withMessageNotContaining("mailslot.network");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void autoOnAnUnsupportedSystemNamesTheTransportsThatCanRun() {
		assertThatExceptionOfType(TransportUnavailableException.class)
			.isThrownBy(() -> MailslotTransports.get("auto", "SunOS"))
			.withMessageContaining("No default mailslot transport for SunOS")
			.withMessageContaining("the defaults are win32 on Windows, posix on Linux, unix on macOS, unix on the BSDs")
			.withMessageContaining("memory (can run here)")
			.withMessageContaining("instead of 'auto'");
	}

	private record DeclaredProvider(String id, Set<OperatingSystem> platforms,
			OptionalInt defaultPriority) implements MailslotTransportProvider {

		@Override
		public Set<PlatformOption> platformOptions() {
			return Set.of();
		}

		@Override
		public Optional<String> unavailableReason() {
			return Optional.empty();
		}

		@Override
		public MailslotTransport transport() {
			throw new UnsupportedOperationException("only declared");
		}

	}

}
