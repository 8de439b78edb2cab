package dev.mailslot.transport.win32;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import org.jspecify.annotations.Nullable;

/**
 * The Win32 calls the transport makes, one method each, so that tests can inject the
 * error codes Wine never returns. A failed call returns {@code false} or an invalid
 * handle, and {@link #lastError()} then gives its error code.
 */
interface Win32Api {

	/** {@code INVALID_HANDLE_VALUE}. */
	HANDLE INVALID_HANDLE = WinBase.INVALID_HANDLE_VALUE;

	HANDLE createMailslot(String name, int maxMessageSize, int readTimeout,
			WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes);

	/**
	 * Make a handle inheritable by child processes: {@code SetHandleInformation(handle,
	 * HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT)}.
	 */
	boolean makeInheritable(HANDLE handle);

	boolean getMailslotInfo(HANDLE mailslot, IntByReference maxMessageSize, IntByReference nextSize,
			IntByReference messageCount, IntByReference readTimeout);

	boolean setMailslotInfo(HANDLE mailslot, int readTimeout);

	/**
	 * Return whether the handle's I/O is synchronous ({@code FILE_SYNCHRONOUS_IO_ALERT}
	 * or {@code _NONALERT} in its {@code FILE_MODE_INFORMATION}). CreateMailslot's
	 * handles are overlapped on Windows; Wine makes them synchronous. A handle that
	 * cannot be asked is logged with the status and counts as overlapped, as on Windows,
	 * where counting it synchronous would have close and wakeup write wake messages that
	 * no read needs.
	 */
	boolean isSynchronous(HANDLE handle);

	/**
	 * Create a manual-reset event, not signalled:
	 * {@code CreateEventW(NULL, TRUE, FALSE, NULL)}.
	 */
	HANDLE createEvent();

	/**
	 * Create an auto-reset event, not signalled, that a wait it ends resets:
	 * {@code CreateEventW(NULL, FALSE, FALSE, NULL)}.
	 */
	HANDLE createWakeEvent();

	/**
	 * Signal an event: {@code SetEvent(event)}.
	 */
	boolean setEvent(HANDLE event);

	/**
	 * Wait for either of two events: {@code WaitForMultipleObjects(2, {first, second},
	 * FALSE, millis)}. When both are signalled, the first is reported.
	 * @param millis how long to wait, or {@code INFINITE} (-1)
	 * @return {@code WAIT_OBJECT_0} (0) once the first is signalled,
	 * {@code WAIT_OBJECT_0 + 1} (1) once the second is, {@code WAIT_TIMEOUT} (258) if the
	 * time ran out, or {@code WAIT_FAILED}
	 */
	int waitForEither(HANDLE first, HANDLE second, int millis);

	/**
	 * Start a read: {@code ReadFile(file, buffer, size, NULL, overlapped)}. On an
	 * overlapped handle it may fail with {@code ERROR_IO_PENDING} while the read goes on.
	 */
	boolean readFile(HANDLE file, Pointer buffer, int size, Pointer overlapped);

	/**
	 * Complete a read: {@code GetOverlappedResult(file, overlapped, transferred, wait)}.
	 */
	boolean getOverlappedResult(HANDLE file, Pointer overlapped, IntByReference transferred, boolean wait);

	/**
	 * Cancel one read from any thread: {@code CancelIoEx(file, overlapped)}.
	 */
	boolean cancelIo(HANDLE file, Pointer overlapped);

	/**
	 * Open a mailslot for writing:
	 * {@code CreateFile(name, GENERIC_WRITE, FILE_SHARE_READ |
	 * FILE_SHARE_WRITE, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL)}. Sharing
	 * writes lets several clients hold the mailslot open at once where sharing is
	 * enforced (Wine, and Windows before Vista); Windows since Vista allows that with
	 * {@code FILE_SHARE_READ} alone.
	 */
	HANDLE openForWriting(String name);

	boolean writeFile(HANDLE file, byte[] buffer, int size, IntByReference written);

	boolean closeHandle(HANDLE handle);

	/**
	 * Convert SDDL to a self-relative security descriptor that
	 * {@link #freeSecurityDescriptor} releases.
	 * @return the descriptor, or {@code null} on failure
	 */
	@Nullable Pointer securityDescriptor(String sddl);

	/**
	 * Return whether a descriptor has a DACL that is not NULL.
	 */
	boolean hasNonNullDacl(Pointer securityDescriptor);

	void freeSecurityDescriptor(Pointer securityDescriptor);

	int lastError();

	String errorText(int code);

}
