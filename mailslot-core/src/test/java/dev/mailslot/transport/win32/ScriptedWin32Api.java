package dev.mailslot.transport.win32;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Win32Api} that plays one mailslot in memory and fails calls with the error codes a test
 * scripts, for the cases Wine never produces. It follows Windows: a too-small read fails with
 * ERROR_INSUFFICIENT_BUFFER and keeps the message; a read of an empty mailslot that may wait is
 * pending ({@code ERROR_IO_PENDING}) until a message is written or CancelIoEx ends it with
 * ERROR_OPERATION_ABORTED. {@link #synchronousHandle()} plays Wine's handle instead, whose ReadFile
 * waits inside the call and which CancelIoEx cannot end.
 * <p>
 * A wait longer than {@link #LONGEST_REAL_WAIT_MILLIS} is played as having elapsed at once, as if
 * that much time had passed, so that a test sees what a read does when such a wait ends.
 */
class ScriptedWin32Api implements Win32Api {

	/** What CancelIoEx fails with when no I/O of the OVERLAPPED is pending. */
	static final int ERROR_NOT_FOUND = 1168;

	/** The longest wait of WaitForMultipleObjects played in real time. */
	static final long LONGEST_REAL_WAIT_MILLIS = TimeUnit.MINUTES.toMillis(1);

	static final HANDLE SERVER = new HANDLE(new Pointer(0x100));

	static final HANDLE CLIENT = new HANDLE(new Pointer(0x200));

	static final HANDLE EVENT = new HANDLE(new Pointer(0x400));

	static final HANDLE WAKE_EVENT = new HANDLE(new Pointer(0x500));

	private final Deque<byte[]> messages = new ArrayDeque<>();

	private final Map<String, Integer> failures = new HashMap<>();

	/** Calls that fail only the n-th time: the call's name, then n and the code. */
	private final Map<String, int[]> failuresOnce = new HashMap<>();

	private final Map<String, Integer> callCounts = new HashMap<>();

	/** Messages that arrive only once a read is waiting, as a writer's would. */
	private final Deque<byte[]> arrivingDuringRead = new ArrayDeque<>();

	final List<String> calls = Collections.synchronizedList(new ArrayList<>());

	final List<Integer> readSizes = new ArrayList<>();

	/** The read timeouts given to CreateMailslot and SetMailslotInfo, in order. */
	final List<Integer> readTimeouts = Collections.synchronizedList(new ArrayList<>());

	/** The timeouts WaitForMultipleObjects was called with. */
	final List<Integer> waits = Collections.synchronizedList(new ArrayList<>());

	final List<HANDLE> closedHandles = Collections.synchronizedList(new ArrayList<>());

	private final ThreadLocal<Integer> lastError = ThreadLocal.withInitial(() -> 0);

	private boolean readsWait;

	private boolean synchronous;

	private boolean completesBeforeCancel;

	private boolean largerMessagesQueueBehindAPendingRead;

	private boolean cancelsNeverComplete;

	/** Whether the wake event is set. */
	private boolean wakeSignalled;

	/** The read in progress: its buffer and size, and how it ended (null while pending). */
	private @Nullable Pointer pendingBuffer;

	private int pendingSize;

	private @Nullable Integer completion;

	private int transferred;

	private @Nullable Runnable beforeRead;

	@Nullable String lastSddl;

	boolean nullDacl;

	ScriptedWin32Api fail(String call, int code) {
		this.failures.put(call, code);
		return this;
	}

	/**
	 * Fail a call the n-th time it is made (counting from 1), and only then.
	 */
	ScriptedWin32Api failOnce(String call, int nth, int code) {
		this.failuresOnce.put(call, new int[] { nth, code });
		return this;
	}

	ScriptedWin32Api queued(byte[] message) {
		this.messages.add(message);
		return this;
	}

	ScriptedWin32Api arrivingDuringRead(byte[] message) {
		this.arrivingDuringRead.add(message);
		return this;
	}

	/**
	 * Let reads of an empty mailslot wait, as with a read timeout of {@code forever}.
	 */
	ScriptedWin32Api readsWait() {
		this.readsWait = true;
		return this;
	}

	/**
	 * Play Wine's synchronous server handle: ReadFile waits inside the call until a message is
	 * written, and CancelIoEx does not end it.
	 */
	ScriptedWin32Api synchronousHandle() {
		this.synchronous = true;
		return this.readsWait();
	}

	/**
	 * Let the pending read complete with the given message just before CancelIoEx reaches it, which
	 * then finds nothing to cancel (ERROR_NOT_FOUND).
	 */
	ScriptedWin32Api completingJustBeforeCancel(byte[] message) {
		this.completesBeforeCancel = true;
		this.arrivingDuringRead.add(message);
		return this.readsWait();
	}

	/**
	 * Leave a pending read pending when a message larger than its buffer arrives, the message queued
	 * behind it (the case Windows does not document; the other is ERROR_INSUFFICIENT_BUFFER).
	 */
	ScriptedWin32Api largerMessagesQueueBehindAPendingRead() {
		this.largerMessagesQueueBehindAPendingRead = true;
		return this.readsWait();
	}

	/**
	 * Let CancelIoEx succeed without ever completing the read it cancels.
	 */
	ScriptedWin32Api cancelsNeverComplete() {
		this.cancelsNeverComplete = true;
		return this.readsWait();
	}

	/**
	 * Run something as ReadFile is called, before the read is issued, once.
	 */
	ScriptedWin32Api beforeRead(Runnable action) {
		this.beforeRead = action;
		return this;
	}

	private synchronized boolean failed(String call) {
		this.calls.add(call);
		int count = this.callCounts.merge(call, 1, Integer::sum);
		int[] once = this.failuresOnce.get(call);
		if (once != null && once[0] == count) {
			this.lastError.set(once[1]);
			return true;
		}
		Integer code = this.failures.get(call);
		if (code != null) {
			this.lastError.set(code);
			return true;
		}
		return false;
	}

	private boolean fail(int code) {
		this.lastError.set(code);
		return false;
	}

	@Override
	public HANDLE createMailslot(String name, int maxMessageSize, int readTimeout,
			WinBase.@Nullable SECURITY_ATTRIBUTES securityAttributes) {
		this.readTimeouts.add(readTimeout);
		return failed("CreateMailslot") ? INVALID_HANDLE : SERVER;
	}

	@Override
	public boolean makeInheritable(HANDLE handle) {
		return !failed("SetHandleInformation");
	}

	@Override
	public synchronized boolean getMailslotInfo(HANDLE mailslot, IntByReference maxMessageSize,
			IntByReference nextSize, IntByReference messageCount, IntByReference readTimeout) {
		if (failed("GetMailslotInfo")) {
			return false;
		}
		maxMessageSize.setValue(0);
		nextSize.setValue(this.messages.isEmpty() ? MailslotKernel32.MAILSLOT_NO_MESSAGE : this.messages.peek().length);
		messageCount.setValue(this.messages.size());
		readTimeout.setValue(MailslotKernel32.MAILSLOT_WAIT_FOREVER);
		return true;
	}

	@Override
	public boolean setMailslotInfo(HANDLE mailslot, int readTimeout) {
		if (failed("SetMailslotInfo")) {
			return false;
		}
		this.readTimeouts.add(readTimeout);
		return true;
	}

	@Override
	public boolean isSynchronous(HANDLE handle) {
		return this.synchronous;
	}

	@Override
	public HANDLE createEvent() {
		return failed("CreateEvent") ? INVALID_HANDLE : EVENT;
	}

	@Override
	public boolean readFile(HANDLE file, Pointer buffer, int size, Pointer overlapped) {
		if (failed("ReadFile")) {
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
				return complete(buffer, size) ? true : fail(this.completion);
			}
			this.pendingBuffer = buffer;
			this.pendingSize = size;
			if (!this.synchronous) {
				return fail(OverlappedReader.ERROR_IO_PENDING);
			}
			Integer code = awaitCompletion();
			return (code == 0) ? true : fail(code);
		}
	}

	/** Take the next message into the buffer, or fail as Windows would; called holding the lock. */
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
	public HANDLE createWakeEvent() {
		return failed("CreateEvent(wake)") ? INVALID_HANDLE : WAKE_EVENT;
	}

	@Override
	public synchronized boolean setEvent(HANDLE event) {
		this.calls.add("SetEvent");
		this.wakeSignalled = true;
		notifyAll();
		return true;
	}

	/**
	 * Wait as WaitForMultipleObjects does for the read's event and the wake event, which the wait
	 * resets (auto-reset); {@code INFINITE} is played as 30 s, so that a test cannot hang.
	 */
	@Override
	public synchronized int waitForEither(HANDLE first, HANDLE second, int millis) {
		this.waits.add(millis);
		if (failed("WaitForMultipleObjects")) {
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
		this.calls.add("GetOverlappedResult");
		if (!wait) {
			synchronized (this) {
				if (this.completion == null) {
					return fail(OverlappedReader.ERROR_IO_INCOMPLETE);
				}
			}
		}
		Integer code = awaitCompletion();
		if (code != 0) {
			return fail(code);
		}
		transferred.setValue(this.transferred);
		return true;
	}

	@Override
	public synchronized boolean cancelIo(HANDLE file, Pointer overlapped) {
		this.calls.add("CancelIoEx");
		if (this.pendingBuffer == null || this.synchronous) {
			return fail(ERROR_NOT_FOUND);
		}
		if (this.completesBeforeCancel) {
			this.messages.addAll(this.arrivingDuringRead);
			this.arrivingDuringRead.clear();
			complete(this.pendingBuffer, this.pendingSize);
			return fail(ERROR_NOT_FOUND);
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
	public HANDLE openForWriting(String name) {
		return failed("CreateFile") ? INVALID_HANDLE : CLIENT;
	}

	@Override
	public boolean writeFile(HANDLE file, byte[] buffer, int size, IntByReference written) {
		if (failed("WriteFile")) {
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

	@Override
	public boolean closeHandle(HANDLE handle) {
		this.calls.add("CloseHandle");
		this.closedHandles.add(handle);
		return true;
	}

	@Override
	public @Nullable Pointer securityDescriptor(String sddl) {
		this.lastSddl = sddl;
		return failed("ConvertStringSecurityDescriptorToSecurityDescriptor") ? null : new Pointer(0x300);
	}

	@Override
	public boolean hasNonNullDacl(Pointer securityDescriptor) {
		return !this.nullDacl;
	}

	@Override
	public void freeSecurityDescriptor(Pointer securityDescriptor) {
		this.calls.add("LocalFree");
	}

	@Override
	public int lastError() {
		return this.lastError.get();
	}

	@Override
	public String errorText(int code) {
		return "text of " + code;
	}

}
