package dev.mailslot.transport.win32;

import java.nio.charset.StandardCharsets;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Security attributes on real kernel32: an SDDL descriptor, the refusal of a missing or
 * NULL DACL, and handle inheritance as the seed sample describes it.
 */
@EnabledOnOs(OS.WINDOWS)
class Win32SecurityTests {

	private static final int HANDLE_FLAG_INHERIT = 1;

	private final MailslotTransport transport = MailslotTransports.get("win32");

	private final MailslotName name = MailslotName
		.parse("\\\\.\\mailslot\\security\\" + ProcessHandle.current().pid() + "-" + System.nanoTime());

	@Test
	void aServerWithAnSddlDescriptorAcceptsItsOwner() {
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name)
			.securityDescriptor("D:(A;;GA;;;SY)(A;;GA;;;OW)(A;;GA;;;WD)")
			.readTimeout(ReadTimeout.ofMillis(5000))
			.build()); MailslotClient client = this.transport.openClient(this.name)) {
			client.write("allowed".getBytes(StandardCharsets.UTF_8));
			assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("allowed");
		}
	}

	@Test
	void aNullDaclIsRefused() {
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> this.transport.createServer(
					MailslotServerOptions.builder(this.name).securityDescriptor("D:NO_ACCESS_CONTROL").build()))
			.withMessageContaining("NULL DACL");
	}

	@Test
	void aDescriptorWithoutADaclIsRefused() {
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> this.transport
				.createServer(MailslotServerOptions.builder(this.name).securityDescriptor("O:SY").build()))
			.withMessageContaining("has no DACL");
	}

	@Test
	void invalidSddlIsRefused() {
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> this.transport
				.createServer(MailslotServerOptions.builder(this.name).securityDescriptor("D:(nonsense)").build()))
			.withMessageContaining("is not valid SDDL");
	}

	@Test
	void theHandleIsInheritedOnlyWhenAsked() {
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder(this.name).inheritHandle(true).build())) {
			assertThat(handleFlags(server) & HANDLE_FLAG_INHERIT).isEqualTo(HANDLE_FLAG_INHERIT);
		}
		try (MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(this.name).build())) {
			assertThat(handleFlags(server) & HANDLE_FLAG_INHERIT).isZero();
		}
	}

	private static int handleFlags(MailslotServer server) {
		IntByReference flags = new IntByReference();
		HandleInformation kernel32 = Native.load("kernel32", HandleInformation.class);
		assertThat(kernel32.GetHandleInformation(((Win32MailslotServer) server).handle(), flags)).isTrue();
		return flags.getValue();
	}

	/**
	 * GetHandleInformation, which jna-platform does not declare.
	 */
	interface HandleInformation extends StdCallLibrary {

		boolean GetHandleInformation(HANDLE handle, IntByReference flags);

	}

}
