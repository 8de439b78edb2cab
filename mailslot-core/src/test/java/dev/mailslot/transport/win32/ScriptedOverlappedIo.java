package dev.mailslot.transport.win32;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import org.jspecify.annotations.Nullable;

/**
 * The reads and writes of the mailslot that {@link ScriptedWin32Api} plays, as Windows
 * does them: a too-small read fails with ERROR_INSUFFICIENT_BUFFER and keeps the message;
 * a read of an empty mailslot that may wait is pending ({@code ERROR_IO_PENDING}) until a
 * message is written or CancelIoEx ends it with ERROR_OPERATION_ABORTED; or, for a
 * synchronous handle (Wine's), ReadFile waits inside the call and CancelIoEx cannot end
 * it. Every call holds this object's monitor while it looks at the mailslot.
 * <p>
 * A wait longer than {@link #LONGEST_REAL_WAIT_MILLIS} is played as having elapsed at
 * once, as if that much time had passed, so that a test sees what a read does when such a
 * wait ends.
 */
abstract class ScriptedOverlappedIo implements Win32Api {

	/** What CancelIoEx fails with when no I/O of the OVERLAPPED is pending. */
	static final int ERROR_NOT_FOUND = 1168;

	/** The longest wait of WaitForMultipleObjects played in real time. */
	static final long LONGEST_REAL_WAIT_MILLIS = TimeUnit.MINUTES.toMillis(1);

	final Deque<byte[]> messages = new ArrayDeque<>();

	final ScriptedCalls script = new ScriptedCalls();

	/** Messages that arrive only once a read is waiting, as a writer's would. */
	final Deque<byte[]> arrivingDuringRead = new ArrayDeque<>();

	final List<String> calls = this.script.names;

	final List<Integer> readSizes = new ArrayList<>();

	/** The timeouts WaitForMultipleObjects was called with. */
	final List<Integer> waits = Collections.synchronizedList(new ArrayList<>());

	boolean readsWait;

	boolean synchronous;

	boolean completesBeforeCancel;

	boolean largerMessagesQueueBehindAPendingRead;

	boolean cancelsNeverComplete;

	/** Whether the wake event is set. */
	boolean wakeSignalled;

	/**
	 * The read in progress: its buffer and size, and how it ended (null while pending).
	 */
	@Nullable Pointer pendingBuffer;

	int pendingSize;

	@Nullable Integer completion;

	int transferred;

	@Nullable Runnable beforeRead;

	@Override
	public boolean readFile(HANDLE file, Pointer buffer, int size, Pointer overlapped) {
		if (this.script.failed("ReadFile")) {
			return false;
		}
		Runnable action = this.beforeRead;
		this.beforeRead = null;
		if (action != null) {
			action.run();
		}
		synchronized (this) {
			this.readSizes.add(size);
			if (this.messages.isEmpty() && !this.completesBeforeCancel) {
				this.messages.addAll(this.arrivingDuringRead);
				this.arrivingDuringRead.clear();
			}
			this.completion = null;
			if (!this.messages.isEmpty() || !this.readsWait) {
				return complete(buffer, size) ? true : this.script.fail(this.completion);
			}
			this.pendingBuffer = buffer;
			this.pendingSize = size;
			if (!this.synchronous) {
				return this.script.fail(OverlappedReader.ERROR_IO_PENDING);
			}
			Integer code = awaitCompletion();
			return (code == 0) ? true : this.script.fail(code);
		}
	}

	/**
	 * Take the next message into the buffer, or fail as Windows would; called holding the
	 * lock.
	 */
	private boolean complete(Pointer buffer, int size) {
		byte[] next = this.messages.peek();
		if (next == null) {
			this.completion = Win32Errors.ERROR_SEM_TIMEOUT;
			return false;
		}
		if (next.length > size) {
			this.completion = Win32Errors.ERROR_INSUFFICIENT_BUFFER;
			return false;
		}
		this.messages.poll();
		buffer.write(0, next, 0, next.length);
		this.transferred = next.length;
		this.completion = 0;
		this.pendingBuffer = null;
		notifyAll();
		return true;
	}

	@Override
	public synchronized boolean setEvent(HANDLE event) {
		this.script.record("SetEvent");
		this.wakeSignalled = true;
		notifyAll();
		return true;
	}

	/**
	 * Wait as WaitForMultipleObjects does for the read's event and the wake event, which
	 * the wait resets (auto-reset); {@code INFINITE} is played as 30 s, so that a test
	 * cannot hang.
	 */
	@Override
	public synchronized int waitForEither(HANDLE first, HANDLE second, int millis) {
		this.waits.add(millis);
		if (this.script.failed("WaitForMultipleObjects")) {
			return OverlappedReader.WAIT_FAILED;
		}
		if (Integer.toUnsignedLong(millis) > LONGEST_REAL_WAIT_MILLIS && millis != OverlappedReader.INFINITE) {
			return (this.completion != null) ? OverlappedReader.WAIT_OBJECT_0 : OverlappedReader.WAIT_TIMEOUT;
		}
		long wait = (millis == OverlappedReader.INFINITE) ? TimeUnit.SECONDS.toMillis(30) : millis;
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
		while (this.completion == null && !this.wakeSignalled && System.nanoTime() < deadline) {
			try {
				TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (this.completion != null) {
			return OverlappedReader.WAIT_OBJECT_0;
		}
		if (this.wakeSignalled) {
			this.wakeSignalled = false;
			return OverlappedReader.WAIT_OBJECT_0 + 1;
		}
		return OverlappedReader.WAIT_TIMEOUT;
	}

	private synchronized Integer awaitCompletion() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.completion == null && System.nanoTime() < deadline) {
			try {
				TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Win32Errors.ERROR_OPERATION_ABORTED;
			}
		}
		return (this.completion != null) ? this.completion : Win32Errors.ERROR_SEM_TIMEOUT;
	}

	@Override
	public boolean getOverlappedResult(HANDLE file, Pointer overlapped, IntByReference transferred, boolean wait) {
		this.script.record("GetOverlappedResult");
		if (!wait) {
			synchronized (this) {
				if (this.completion == null) {
					return this.script.fail(OverlappedReader.ERROR_IO_INCOMPLETE);
				}
			}
		}
		Integer code = awaitCompletion();
		if (code != 0) {
			return this.script.fail(code);
		}
		transferred.setValue(this.transferred);
		return true;
	}

	@Override
	public synchronized boolean cancelIo(HANDLE file, Pointer overlapped) {
		this.script.record("CancelIoEx");
		if (this.pendingBuffer == null || this.synchronous) {
			return this.script.fail(ERROR_NOT_FOUND);
		}
		if (this.completesBeforeCancel) {
			this.messages.addAll(this.arrivingDuringRead);
			this.arrivingDuringRead.clear();
			complete(this.pendingBuffer, this.pendingSize);
			return this.script.fail(ERROR_NOT_FOUND);
		}
		if (this.cancelsNeverComplete) {
			return true;
		}
		this.pendingBuffer = null;
		this.completion = Win32Errors.ERROR_OPERATION_ABORTED;
		notifyAll();
		return true;
	}

	@Override
	public boolean writeFile(HANDLE file, byte[] buffer, int size, IntByReference written) {
		if (this.script.failed("WriteFile")) {
			return false;
		}
		synchronized (this) {
			this.messages.add(Arrays.copyOf(buffer, size));
			boolean queuedBehind = this.largerMessagesQueueBehindAPendingRead && size > this.pendingSize;
			if (this.pendingBuffer != null && !queuedBehind) {
				complete(this.pendingBuffer, this.pendingSize);
			}
		}
		written.setValue(size);
		return true;
	}

}
