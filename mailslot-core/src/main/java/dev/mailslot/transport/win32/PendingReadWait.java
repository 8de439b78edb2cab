package dev.mailslot.transport.win32;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.ReadTimeout;

/**
 * How a pending overlapped read waits: with WaitForMultipleObjects for its event or the
 * wake event, in slices of at most {@link #GUARD_PERIOD_MILLIS}, also when it waits
 * forever. After each slice it asks GetMailslotInfo whether a message larger than its
 * buffer waits, which Windows may queue behind a read already pending (nothing documents
 * whether it fails that read with {@code ERROR_INSUFFICIENT_BUFFER} instead). Slices also
 * keep a finite wait from asking WaitForMultipleObjects for more than it can express, so
 * a timeout of up to 49.7 days ends no earlier than it should.
 */
final class PendingReadWait {

	/**
	 * How much longer than its read timeout a pending read may take before it is
	 * cancelled: the mailslot's own read timeout ends it first, and this only bounds a
	 * read should it not.
	 */
	static final long TIMEOUT_GUARD_MILLIS = 1000;

	/**
	 * Longest single wait of a pending read, after which it looks for a larger message.
	 */
	static final long GUARD_PERIOD_MILLIS = 1000;

	/**
	 * How a wait ended, besides {@code WAIT_*}: a message larger than the read's buffer
	 * waits.
	 */
	static final int OVERTAKEN = -2;

	/** How a wait ended, besides {@code WAIT_*}: GetMailslotInfo failed. */
	static final int QUERY_FAILED = -3;

	private final Win32Api api;

	private final HANDLE mailslot;

	private final HANDLE event;

	private final HANDLE wakeEvent;

	/**
	 * The Win32 error of the last wait that ended with WAIT_FAILED or
	 * {@link #QUERY_FAILED}.
	 */
	private int error;

	PendingReadWait(Win32Api api, HANDLE mailslot, HANDLE event, HANDLE wakeEvent) {
		this.api = api;
		this.mailslot = mailslot;
		this.event = event;
		this.wakeEvent = wakeEvent;
	}

	/**
	 * Wait for the pending read's event, for no longer than the timeout and its guard, or
	 * for a wake-up: the wake event set while {@code wokenUp} says a wake-up waits. A
	 * wake event left set by a wake-up that an earlier read used is passed over.
	 * @param size the read's buffer size
	 * @return {@code WAIT_OBJECT_0} once the read completed; else the read is to be
	 * cancelled: {@code WAIT_OBJECT_0 + 1} for a wake-up, {@code WAIT_TIMEOUT} past the
	 * guard, {@link #OVERTAKEN}, or {@link #QUERY_FAILED} or {@code WAIT_FAILED}, these
	 * two with their {@link #error()}
	 */
	int await(int size, ReadTimeout timeout, BooleanSupplier wokenUp) {
		long deadline = timeout.isForever() ? 0
				: System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout.toWin32Millis() + TIMEOUT_GUARD_MILLIS);
		while (true) {
			long left = timeout.isForever() ? TimeUnit.MILLISECONDS.toNanos(GUARD_PERIOD_MILLIS)
					: deadline - System.nanoTime();
			if (left <= 0) {
				return OverlappedReader.WAIT_TIMEOUT;
			}
			int millis = (int) Math.min(GUARD_PERIOD_MILLIS, ceilMillis(left));
			int ended = this.api.waitForEither(this.event, this.wakeEvent, millis);
			if (ended == OverlappedReader.WAIT_FAILED) {
				this.error = this.api.lastError();
				return ended;
			}
			if (ended == OverlappedReader.WAIT_TIMEOUT) {
				ended = largerMessageCheck(size);
			}
			else if (ended == OverlappedReader.WAIT_OBJECT_0 + 1 && !wokenUp.getAsBoolean()) {
				ended = OverlappedReader.WAIT_TIMEOUT;
			}
			if (ended != OverlappedReader.WAIT_TIMEOUT) {
				return ended;
			}
		}
	}

	/**
	 * Return the Win32 error of the last wait that ended with {@code WAIT_FAILED} or
	 * {@link #QUERY_FAILED}.
	 */
	int error() {
		return this.error;
	}

	/**
	 * Look for a message larger than the pending read's buffer.
	 * @return {@link #OVERTAKEN} if one waits, {@link #QUERY_FAILED} if GetMailslotInfo
	 * failed, else {@code WAIT_TIMEOUT} to wait on
	 */
	private int largerMessageCheck(int size) {
		IntByReference nextSize = new IntByReference();
		if (!this.api.getMailslotInfo(this.mailslot, new IntByReference(), nextSize, new IntByReference(),
				new IntByReference())) {
			this.error = this.api.lastError();
			return QUERY_FAILED;
		}
		int next = nextSize.getValue();
		return (next != MailslotKernel32.MAILSLOT_NO_MESSAGE && next > size) ? OVERTAKEN
				: OverlappedReader.WAIT_TIMEOUT;
	}

	private static long ceilMillis(long nanos) {
		long nanosPerMilli = TimeUnit.MILLISECONDS.toNanos(1);
		return (nanos + nanosPerMilli - 1) / nanosPerMilli;
	}

}
