package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.ReadTimeout;

/**
 * Reads a mailslot server handle as Microsoft's "Reading from a Mailslot" does: ReadFile with an
 * OVERLAPPED and an event, completed with GetOverlappedResult. The buffer and the OVERLAPPED are
 * native memory this reader owns and reuses, because the kernel fills them after ReadFile returns
 * {@code ERROR_IO_PENDING}. One read at a time: the caller serializes
 * {@link #read(int, ReadTimeout)} and the use of what it read.
 * <p>
 * {@link #cancel()} ends a pending read from any thread with CancelIoEx, which completes it with
 * {@code ERROR_OPERATION_ABORTED}. A read that completed first keeps its message. Where the handle
 * is synchronous (Wine), ReadFile itself waits and cannot be cancelled; {@link #isSynchronous()}
 * tells the server so, and the server wakes such a read with a message.
 */
final class OverlappedReader {

	static final int ERROR_IO_PENDING = 997;

	static final int WAIT_TIMEOUT = 258;

	/**
	 * How much longer than its read timeout a pending read may take before it is cancelled: the
	 * mailslot's own read timeout ends it first, and this only bounds a read should it not.
	 */
	static final long TIMEOUT_GUARD_MILLIS = 1000;

	private final Win32Api api;

	private final HANDLE mailslot;

	private final HANDLE event;

	private final boolean synchronous;

	private final WinBase.OVERLAPPED overlapped = new WinBase.OVERLAPPED();

	private Memory buffer = new Memory(1);

	private volatile boolean cancelled;

	/**
	 * Create a reader of a mailslot handle that completes its reads on the given manual-reset event,
	 * which {@link #close()} closes.
	 */
	OverlappedReader(Win32Api api, HANDLE mailslot, HANDLE event) {
		this.api = api;
		this.mailslot = mailslot;
		this.event = event;
		this.synchronous = api.isSynchronous(mailslot);
		this.overlapped.hEvent = this.event;
		this.overlapped.write();
	}

	/**
	 * Return whether the handle's reads wait inside ReadFile, where {@link #cancel()} cannot end them.
	 */
	boolean isSynchronous() {
		return this.synchronous;
	}

	/**
	 * Read one message of at most {@code size} bytes and wait for it to complete, for no longer
	 * than the timeout and its {@link #TIMEOUT_GUARD_MILLIS guard}: a read still pending then is
	 * cancelled and fails with {@code ERROR_SEM_TIMEOUT}, unless a message completed it meanwhile.
	 * @return the size read, or the negated Win32 error code of a read that failed
	 */
	int read(int size, ReadTimeout timeout) {
		int capacity = Math.max(1, size);
		if (this.buffer.size() < capacity) {
			this.buffer.close();
			this.buffer = new Memory(capacity);
		}
		Pointer pointer = this.overlapped.getPointer();
		if (!this.api.readFile(this.mailslot, this.buffer, size, pointer)) {
			int code = this.api.lastError();
			if (code != ERROR_IO_PENDING) {
				return -code;
			}
		}
		if (this.cancelled) {
			this.api.cancelIo(this.mailslot, pointer);
		}
		boolean guarded = false;
		if (!timeout.isForever()) {
			long wait = Math.min(timeout.toWin32Millis() + TIMEOUT_GUARD_MILLIS, Integer.MAX_VALUE);
			if (this.api.waitForEvent(this.event, (int) wait) == WAIT_TIMEOUT) {
				guarded = true;
				this.api.cancelIo(this.mailslot, pointer);
			}
		}
		IntByReference transferred = new IntByReference();
		if (this.api.getOverlappedResult(this.mailslot, pointer, transferred, true)) {
			return transferred.getValue();
		}
		int code = this.api.lastError();
		if (guarded && code == Win32Errors.ERROR_OPERATION_ABORTED && !this.cancelled) {
			return -Win32Errors.ERROR_SEM_TIMEOUT;
		}
		return -code;
	}

	/**
	 * Return the first {@code size} bytes of the last read.
	 */
	byte[] bytes(int size) {
		return this.buffer.getByteArray(0, size);
	}

	/**
	 * Put the first {@code size} bytes of the last read into the buffer.
	 */
	void copyTo(ByteBuffer target, int size) {
		target.put(this.buffer.getByteBuffer(0, size));
	}

	/**
	 * Cancel the pending read and every later one: a read started after this call cancels itself.
	 */
	void cancel() {
		this.cancelled = true;
		this.api.cancelIo(this.mailslot, this.overlapped.getPointer());
	}

	/**
	 * Release the event; call once no read can be pending.
	 */
	void close() {
		this.api.closeHandle(this.event);
	}

}
