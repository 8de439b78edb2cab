package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.ReadTimeout;

/**
 * Reads a mailslot server handle as Microsoft's "Reading from a Mailslot" does: ReadFile
 * with an OVERLAPPED and an event, completed with GetOverlappedResult. The buffer and the
 * OVERLAPPED are native memory this reader owns and reuses, because the kernel fills them
 * after ReadFile returns {@code ERROR_IO_PENDING}. One read at a time: the caller
 * serializes {@link #read(int, ReadTimeout, BooleanSupplier)} and the use of what it
 * read.
 * <p>
 * A pending read waits with WaitForMultipleObjects for its event or a second, auto-reset
 * event that {@link #wake()} sets from any thread. Woken, it cancels itself with
 * CancelIoEx and completes with GetOverlappedResult, as Microsoft's "Canceling Pending
 * I/O Operations" describes: a read that a message completed first keeps its message; one
 * the cancellation ended took nothing. {@link #cancel()} ends a pending read from any
 * thread with CancelIoEx, which completes it with {@code ERROR_OPERATION_ABORTED}. Where
 * the handle is synchronous (Wine), ReadFile itself waits and can be neither cancelled
 * nor woken; {@link #isSynchronous()} tells the server so, and the server wakes such a
 * read with a message.
 * <p>
 * A pending read waits as {@link PendingReadWait} says, and cancels itself when a message
 * larger than its buffer waits, failing with {@code ERROR_INSUFFICIENT_BUFFER} so that
 * the caller reads again with that size.
 */
final class OverlappedReader {

	static final int ERROR_IO_PENDING = 997;

	static final int ERROR_IO_INCOMPLETE = 996;

	static final int WAIT_OBJECT_0 = 0;

	static final int WAIT_TIMEOUT = 258;

	static final int WAIT_FAILED = 0xFFFFFFFF;

	/** {@code INFINITE}: a wait without limit. */
	static final int INFINITE = -1;

	/**
	 * What {@link #read} returns when a wake-up ended the read before a message completed
	 * it.
	 */
	static final int WOKEN = Integer.MIN_VALUE;

	/**
	 * How long a read cancelled after a failed wait is given to complete before it is
	 * abandoned.
	 */
	static final long CANCEL_COMPLETION_MILLIS = 1000;

	private static final long COMPLETION_POLL_MILLIS = 10;

	/**
	 * The OVERLAPPED structures and buffers of reads abandoned to the kernel, which may
	 * still write them: never freed.
	 */
	private static final Queue<Object> abandoned = new ConcurrentLinkedQueue<>();

	private static final System.Logger logger = System.getLogger(OverlappedReader.class.getName());

	private final Win32Api api;

	private final HANDLE mailslot;

	private final HANDLE event;

	private final HANDLE wakeEvent;

	private final boolean synchronous;

	private final PendingReadWait pendingWait;

	private volatile WinBase.OVERLAPPED overlapped;

	private Memory buffer = new Memory(1);

	private volatile boolean cancelled;

	/** Whether the events are closed. Guarded by this. */
	private boolean closed;

	/**
	 * Create a reader of a mailslot handle that completes its reads on the given
	 * manual-reset event and is woken by the given auto-reset one; {@link #close()}
	 * closes both.
	 */
	OverlappedReader(Win32Api api, HANDLE mailslot, HANDLE event, HANDLE wakeEvent) {
		this.api = api;
		this.mailslot = mailslot;
		this.event = event;
		this.wakeEvent = wakeEvent;
		this.synchronous = api.isSynchronous(mailslot);
		this.pendingWait = new PendingReadWait(api, mailslot, event, wakeEvent);
		this.overlapped = newOverlapped();
	}

	private WinBase.OVERLAPPED newOverlapped() {
		WinBase.OVERLAPPED created = new WinBase.OVERLAPPED();
		created.hEvent = this.event;
		created.write();
		return created;
	}

	/**
	 * Return whether the handle's reads wait inside ReadFile, where neither
	 * {@link #cancel()} nor {@link #wake()} can end them.
	 */
	boolean isSynchronous() {
		return this.synchronous;
	}

	/**
	 * Read one message of at most {@code size} bytes and wait for it to complete, for no
	 * longer than the timeout and its {@link PendingReadWait#TIMEOUT_GUARD_MILLIS guard}:
	 * a read still pending then is cancelled and fails with {@code ERROR_SEM_TIMEOUT},
	 * unless a message completed it meanwhile. A pending read is also cancelled when
	 * {@code wokenUp} says so, as it starts to wait or when {@link #wake()} ends its
	 * wait, and when a message larger than {@code size} waits, which fails it with
	 * {@code ERROR_INSUFFICIENT_BUFFER}.
	 * @param wokenUp whether a wake-up waits for this read
	 * @return the size read, {@link #WOKEN}, or the negated Win32 error code of a read
	 * that failed
	 */
	int read(int size, ReadTimeout timeout, BooleanSupplier wokenUp) {
		int capacity = Math.max(1, size);
		if (this.buffer.size() < capacity) {
			this.buffer.close();
			this.buffer = new Memory(capacity);
		}
		Pointer pointer = this.overlapped.getPointer();
		int ended = WAIT_OBJECT_0;
		if (!this.api.readFile(this.mailslot, this.buffer, size, pointer)) {
			int code = this.api.lastError();
			if (code != ERROR_IO_PENDING) {
				return -code;
			}
			ended = awaitPending(pointer, size, timeout, wokenUp);
			if (ended == WAIT_FAILED) {
				return completeWithoutEvent(pointer);
			}
		}
		IntByReference transferred = new IntByReference();
		if (this.api.getOverlappedResult(this.mailslot, pointer, transferred, true)) {
			return transferred.getValue();
		}
		int code = this.api.lastError();
		if (code != Win32Errors.ERROR_OPERATION_ABORTED || this.cancelled) {
			return -code;
		}
		return switch (ended) {
			case WAIT_OBJECT_0 + 1 -> WOKEN;
			case WAIT_TIMEOUT -> -Win32Errors.ERROR_SEM_TIMEOUT;
			case PendingReadWait.OVERTAKEN -> -Win32Errors.ERROR_INSUFFICIENT_BUFFER;
			case PendingReadWait.QUERY_FAILED -> -this.pendingWait.error();
			default -> -code;
		};
	}

	/**
	 * Let a pending read complete, or cancel it: at once if the server is closing or a
	 * wake-up waits, else once {@link PendingReadWait#await} says so.
	 * @return how the wait ended, as {@link PendingReadWait#await} says
	 */
	private int awaitPending(Pointer pointer, int size, ReadTimeout timeout, BooleanSupplier wokenUp) {
		int ended;
		if (this.cancelled) {
			ended = WAIT_OBJECT_0;
		}
		else if (wokenUp.getAsBoolean()) {
			ended = WAIT_OBJECT_0 + 1;
		}
		else {
			ended = this.pendingWait.await(size, timeout, wokenUp);
		}
		if (this.cancelled || ended != WAIT_OBJECT_0) {
			this.api.cancelIo(this.mailslot, pointer);
		}
		return ended;
	}

	/**
	 * Complete a read cancelled after its wait failed, without waiting on its event,
	 * which that wait could not use: poll GetOverlappedResult for
	 * {@link #CANCEL_COMPLETION_MILLIS}, then abandon the read rather than wait without
	 * bound.
	 * @return the size read, or the negated error code of the wait or of the read
	 */
	private int completeWithoutEvent(Pointer pointer) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CANCEL_COMPLETION_MILLIS);
		IntByReference transferred = new IntByReference();
		boolean interrupted = false;
		try {
			while (true) {
				if (this.api.getOverlappedResult(this.mailslot, pointer, transferred, false)) {
					return transferred.getValue();
				}
				int code = this.api.lastError();
				if (code != ERROR_IO_INCOMPLETE) {
					return (code != Win32Errors.ERROR_OPERATION_ABORTED || this.cancelled) ? -code
							: -this.pendingWait.error();
				}
				if (System.nanoTime() - deadline >= 0) {
					abandonPendingRead();
					return -this.pendingWait.error();
				}
				try {
					Thread.sleep(COMPLETION_POLL_MILLIS);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Leave a read that does not complete to the kernel, with its OVERLAPPED and buffer,
	 * which must not be freed or reused until it completes, and read on with new ones.
	 */
	private void abandonPendingRead() {
		abandoned.add(this.overlapped);
		abandoned.add(this.buffer);
		logger.log(System.Logger.Level.WARNING, "A read of a mailslot did not complete within {0} ms of its "
				+ "cancellation after its wait failed (Win32 error {1}); it is left to the kernel with its buffer, "
				+ "which are never freed, and a message it may still take is lost", CANCEL_COMPLETION_MILLIS,
				this.pendingWait.error());
		this.overlapped = newOverlapped();
		this.buffer = new Memory(1);
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
	 * Cancel the pending read and every later one: a read started after this call cancels
	 * itself.
	 */
	void cancel() {
		this.cancelled = true;
		this.api.cancelIo(this.mailslot, this.overlapped.getPointer());
	}

	/**
	 * End the wait of a pending read, or of the next read to wait, so that it looks at
	 * its wake-up. Does nothing once closed.
	 */
	synchronized void wake() {
		if (!this.closed) {
			this.api.setEvent(this.wakeEvent);
		}
	}

	/**
	 * Release the events; call once no read can be pending.
	 */
	synchronized void close() {
		this.closed = true;
		this.api.closeHandle(this.event);
		this.api.closeHandle(this.wakeEvent);
	}

}
