package dev.mailslot.transport.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import org.jspecify.annotations.Nullable;

/**
 * The kernel32 calls of the transport. The unicode options map each name that has one to
 * its {@code W} form (CreateMailslotW, CreateFileW, CreateEventW) and strings to UTF-16,
 * whatever {@code w32.ascii} says. Buffers and OVERLAPPED structures of reads are native
 * memory the server owns, passed as pointers, because the kernel writes them after
 * ReadFile returns.
 */
interface MailslotKernel32 extends StdCallLibrary {

	/** {@code MAILSLOT_NO_MESSAGE}: GetMailslotInfo's next size when no message waits. */
	int MAILSLOT_NO_MESSAGE = -1;

	/** {@code MAILSLOT_WAIT_FOREVER}. */
	int MAILSLOT_WAIT_FOREVER = -1;

	static MailslotKernel32 load() {
		return Native.load("kernel32", MailslotKernel32.class, W32APIOptions.UNICODE_OPTIONS);
	}

	HANDLE CreateMailslot(String name, int maxMessageSize, int readTimeout,
			WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes);

	boolean GetMailslotInfo(HANDLE mailslot, IntByReference maxMessageSize, IntByReference nextSize,
			IntByReference messageCount, IntByReference readTimeout);

	boolean SetMailslotInfo(HANDLE mailslot, int readTimeout);

	HANDLE CreateFile(String name, int access, int shareMode, WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes,
			int creationDisposition, int flagsAndAttributes, @Nullable HANDLE templateFile);

	boolean ReadFile(HANDLE file, Pointer buffer, int size, @Nullable IntByReference read, Pointer overlapped);

	boolean WriteFile(HANDLE file, byte[] buffer, int size, IntByReference written, @Nullable Pointer overlapped);

	boolean GetOverlappedResult(HANDLE file, Pointer overlapped, IntByReference transferred, boolean wait);

	boolean CancelIoEx(HANDLE file, @Nullable Pointer overlapped);

	int WaitForMultipleObjects(int count, HANDLE[] handles, boolean waitAll, int millis);

	boolean SetEvent(HANDLE event);

	HANDLE CreateEvent(WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes, boolean manualReset,
			boolean initialState, @Nullable String name);

	boolean SetHandleInformation(HANDLE handle, int mask, int flags);

	boolean CloseHandle(HANDLE handle);

	Pointer LocalFree(Pointer memory);

}
