package dev.mailslot.transport.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The one ntdll call of the transport: NtQueryInformationFile for a handle's
 * {@code FILE_MODE_INFORMATION}, which tells whether its I/O is synchronous.
 */
interface MailslotNtdll extends StdCallLibrary {

	/** {@code FileModeInformation} of {@code FILE_INFORMATION_CLASS}. */
	int FILE_MODE_INFORMATION = 16;

	/** {@code FILE_SYNCHRONOUS_IO_ALERT}. */
	int FILE_SYNCHRONOUS_IO_ALERT = 0x10;

	/** {@code FILE_SYNCHRONOUS_IO_NONALERT}. */
	int FILE_SYNCHRONOUS_IO_NONALERT = 0x20;

	static MailslotNtdll load() {
		return Native.load("ntdll", MailslotNtdll.class);
	}

	/**
	 * {@code NtQueryInformationFile}.
	 * @return the NTSTATUS, 0 on success
	 */
	int NtQueryInformationFile(HANDLE file, Pointer ioStatusBlock, IntByReference information, int length,
			int informationClass);

}
