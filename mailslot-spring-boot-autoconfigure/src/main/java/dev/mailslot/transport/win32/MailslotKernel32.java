package dev.mailslot.transport.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The kernel32 calls jna-platform's {@code Kernel32} lacks. The unicode options map each name to
 * its {@code W} form (CreateMailslotW).
 */
interface MailslotKernel32 extends StdCallLibrary {

	/** {@code MAILSLOT_NO_MESSAGE}: GetMailslotInfo's next size when no message waits. */
	int MAILSLOT_NO_MESSAGE = -1;

	/** {@code MAILSLOT_WAIT_FOREVER}. */
	int MAILSLOT_WAIT_FOREVER = -1;

	static MailslotKernel32 load() {
		return Native.load("kernel32", MailslotKernel32.class, W32APIOptions.DEFAULT_OPTIONS);
	}

	HANDLE CreateMailslot(String name, int maxMessageSize, int readTimeout,
			WinBase.SECURITY_ATTRIBUTES securityAttributes);

	boolean GetMailslotInfo(HANDLE mailslot, IntByReference maxMessageSize, IntByReference nextSize,
			IntByReference messageCount, IntByReference readTimeout);

	boolean SetMailslotInfo(HANDLE mailslot, int readTimeout);

	boolean CancelIoEx(HANDLE file, Pointer overlapped);

	Pointer LocalFree(Pointer memory);

}
