package dev.mailslot.transport.win32;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.RecordedLogs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real kernel32 and ntdll calls where they fail: on Windows, and in CI under Wine.
 */
@EnabledOnOs(OS.WINDOWS)
class JnaWin32ApiTests {

	@Test
	void aHandleThatCannotBeAskedIsLoggedAndCountsAsOverlapped() {
		HANDLE notAHandle = new HANDLE(Pointer.createConstant(0x7FFF_FFF0L));
		try (RecordedLogs logs = RecordedLogs.of(JnaWin32Api.class)) {
			assertThat(new JnaWin32Api().isSynchronous(notAHandle)).isFalse();
			assertThat(logs.messages()).singleElement()
				.asString()
				.contains("NtQueryInformationFile: NTSTATUS 0xC0000008")
				.contains("counting it as overlapped");
		}
	}

}
