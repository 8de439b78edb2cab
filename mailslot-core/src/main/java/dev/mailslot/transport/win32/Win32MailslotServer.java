package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import com.sun.jna.platform.win32.WinNT.HANDLE;
import org.jspecify.annotations.Nullable;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spi.AbstractMailslotServer;

/**
 * A kernel32 mailslot. Reads size their buffer from GetMailslotInfo's next size and, if a
 * larger message arrives while they wait, retry with its size
 * ({@code ERROR_INSUFFICIENT_BUFFER} leaves it queued, and a pending read that such a
 * message overtakes cancels itself). They are overlapped reads, as CreateMailslot's
 * documentation asks of its handles (see {@link OverlappedReader}).
 * <p>
 * A read with a timeout of its own sets it on the handle with SetMailslotInfo for that
 * read and restores the server's afterwards ({@link HandleReadTimeout}); reads are
 * therefore one at a time ({@link ReadTurns}), each waiting for its turn no longer than
 * its timeout, and {@link #info()} reports the server's timeout as set at creation or by
 * {@link #setReadTimeout(ReadTimeout)}.
 * <p>
 * {@link #close()} cancels a waiting read with CancelIoEx and waits for it to end before
 * it closes the handle; a read that completed in the meantime returns its message. A read
 * still inside after the wait keeps the handle open until it leaves
 * ({@link HandleUsers}). {@link #wakeup()} sets the reader's wake event, and the read
 * cancels itself (see {@link OverlappedReader}). Where the handle is synchronous (Wine),
 * which neither can end, both write a wake message of random bytes that the woken reader
 * recognizes and drops ({@link WakeMessages}).
 */
final class Win32MailslotServer extends AbstractMailslotServer {

	/**
	 * Buffer for a read that waits for a message of unknown size, when any size is
	 * allowed.
	 */
	static final int DEFAULT_READ_BUFFER = 64 * 1024;

	/**
	 * How long {@link #close()} waits for the reads it ended before it leaves the handle
	 * to them.
	 */
	static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

	private final Win32Errors errors;

	private final HANDLE handle;

	private final OverlappedReader reader;

	/** The calls that use the handle, which is closed only once none is left. */
	private final HandleUsers users;

	private final AtomicInteger readsInProgress = new AtomicInteger();

	private final ReadTurns readTurns = new ReadTurns();

	private final HandleReadTimeout handleTimeout;

	private final MailslotQuery query;

	private final BooleanSupplier wokenUp = this::isWakeupPending;

	/**
	 * What wakes a read waiting inside ReadFile where the handle is synchronous; else
	 * {@code null}.
	 */
	private final @Nullable WakeMessages wakeMessages;

	Win32MailslotServer(Win32Api api, MailslotName name, HANDLE handle, OverlappedReader reader,
			ReadTimeout readTimeout, Duration closeWait) {
		super(name, Win32MailslotTransport.ID, readTimeout);
		this.errors = new Win32Errors(api);
		this.handle = handle;
		this.reader = reader;
		this.users = new HandleUsers(name, closeWait, () -> {
			api.closeHandle(handle);
			reader.close();
		});
		this.handleTimeout = new HandleReadTimeout(api, handle, name, readTimeout);
		this.query = new MailslotQuery(api, handle, name, this::isClosed);
		this.wakeMessages = reader.isSynchronous() ? new WakeMessages(api, name, this.query.query().maxMessageSize())
				: null;
	}

	/**
	 * Return the server handle, for tests that inspect it.
	 */
	HANDLE handle() {
		return this.handle;
	}

	@Override
	public byte[] read(ReadTimeout timeout) {
		ReadDeadline deadline = ReadDeadline.startingNow(ReadTimeout.requireNonNull(timeout));
		return readUntilItFits((info) -> {
			int size = (info.nextSize() >= 0) ? info.nextSize() : bufferForUnknownSize(info.maxMessageSize());
			return readFile(size, info.nextSize() >= 0, deadline, OverlappedReader::bytes);
		});
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		ReadDeadline deadline = ReadDeadline.startingNow(ReadTimeout.requireNonNull(timeout));
		return readUntilItFits((info) -> {
			if (info.nextSize() > buffer.remaining()) {
				throw new BufferTooSmallException(name(), info.nextSize(), buffer.remaining());
			}
			int size = (info.nextSize() >= 0) ? info.nextSize()
					: Math.min(buffer.remaining(), bufferForUnknownSize(info.maxMessageSize()));
			Integer read = readFile(size, info.nextSize() >= 0, deadline, (reader, length) -> {
				reader.copyTo(buffer, length);
				return length;
			});
			int next = (read != null) ? -1 : this.query.query().nextSize();
			if (next > buffer.remaining()) {
				throw new BufferTooSmallException(name(), next, buffer.remaining());
			}
			return read;
		});
	}

	/**
	 * Make read attempts, each sized from a fresh GetMailslotInfo, until one returns a
	 * message: an attempt returns {@code null} when a larger message arrived while it
	 * waited, which stays queued for the next.
	 */
	private <T> T readUntilItFits(Function<MailslotQuery.Info, @Nullable T> attempt) {
		enter();
		try {
			while (true) {
				ensureOpen();
				T message = attempt.apply(this.query.query());
				if (message != null) {
					return message;
				}
			}
		}
		finally {
			this.users.leave();
		}
	}

	private void enter() {
		if (!this.users.enter()) {
			throw closedException();
		}
	}

	private static int bufferForUnknownSize(int maxMessageSize) {
		return (maxMessageSize > 0) ? maxMessageSize : DEFAULT_READ_BUFFER;
	}

	/**
	 * Read one message of at most {@code size} bytes, waiting for the read's turn and for
	 * a message until its deadline, and take it from the reader's buffer while no other
	 * read can reuse it.
	 * @param messageWaiting whether GetMailslotInfo saw a message waiting
	 * @return what {@code take} made of the message, or {@code null} if the message was
	 * larger and stays queued, or the read is to be made again
	 */
	private <T> @Nullable T readFile(int size, boolean messageWaiting, ReadDeadline deadline,
			BiFunction<OverlappedReader, Integer, T> take) {
		if (!this.readTurns.take(deadline, () -> this.query.query().nextSize() >= 0)) {
			ensureOpen();
			endIfWokenUp(deadline.timeout());
			throw new MailslotTimeoutException(name(), deadline.timeout());
		}
		try {
			ensureOpen();
			ReadTimeout remaining = deadline.remaining();
			this.handleTimeout.use(remaining);
			try {
				int read = readFileNow(size, messageWaiting, remaining, deadline.timeout());
				return (read >= 0) ? take.apply(this.reader, read) : null;
			}
			finally {
				if (!isClosed()) {
					this.handleTimeout.restore(this::readTimeout);
				}
			}
		}
		finally {
			this.readTurns.release();
		}
	}

	/**
	 * Make one ReadFile. A read that finds no message uses a wake-up kept for it, before
	 * it waits where the handle is synchronous. A wake message ends the read of a closed
	 * server, or a read that a wake-up waits for and that finds no message behind it;
	 * otherwise it is dropped and the read goes on.
	 * @param remaining what is left of the read's timeout, which this ReadFile waits
	 * @param timeout the read's timeout, for its exceptions
	 * @return the size read, or -1 to read again
	 */
	private int readFileNow(int size, boolean messageWaiting, ReadTimeout remaining, ReadTimeout timeout) {
		this.readsInProgress.incrementAndGet();
		try {
			ensureOpen();
			if (this.reader.isSynchronous() && !messageWaiting) {
				endIfWokenUp(timeout);
			}
			int read = this.reader.read(size, remaining, this.wokenUp);
			if (read == OverlappedReader.WOKEN) {
				endIfWokenUp(timeout);
				return -1;
			}
			if (read >= 0) {
				if (tookWakeMessage(read)) {
					if (isClosed()) {
						throw closedException();
					}
					if (this.query.query().nextSize() < 0) {
						endIfWokenUp(timeout);
					}
					return -1;
				}
				return read;
			}
			int code = -read;
			if (code == Win32Errors.ERROR_INSUFFICIENT_BUFFER && !isClosed()) {
				return -1;
			}
			if (code == Win32Errors.ERROR_SEM_TIMEOUT && !isClosed()) {
				endIfWokenUp(timeout);
				throw new MailslotTimeoutException(name(), timeout).withNativeErrorCode(code);
			}
			throw this.errors.readFailure(name(), code, isClosed());
		}
		finally {
			this.readsInProgress.decrementAndGet();
		}
	}

	/**
	 * Wake the read that waits: with the wake event where the handle is overlapped, or
	 * else, if a read is under way, with a wake message, written while the handle is open
	 * so that it cannot reach a later mailslot of the same name.
	 */
	@Override
	protected void wakeReader() {
		WakeMessages messages = this.wakeMessages;
		if (messages == null) {
			this.reader.wake();
			return;
		}
		if (this.readsInProgress.get() > 0 && this.users.enter()) {
			try {
				if (!isClosed()) {
					messages.writeForWakeup();
				}
			}
			finally {
				this.users.leave();
			}
		}
	}

	private boolean tookWakeMessage(int size) {
		WakeMessages messages = this.wakeMessages;
		return messages != null && size == messages.size() && messages.take(this.reader.bytes(size));
	}

	@Override
	public MailslotInfo info() {
		enter();
		try {
			ensureOpen();
			MailslotQuery.Info info = this.query.query();
			return new MailslotInfo(info.maxMessageSize(),
					(info.nextSize() >= 0) ? OptionalInt.of(info.nextSize()) : OptionalInt.empty(), info.messageCount(),
					readTimeout());
		}
		finally {
			this.users.leave();
		}
	}

	/**
	 * Set the timeout on the handle with SetMailslotInfo, then keep it as the server's.
	 */
	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		ReadTimeout.requireNonNull(readTimeout);
		enter();
		try {
			ensureOpen();
			this.handleTimeout.change(readTimeout, () -> super.setReadTimeout(readTimeout));
		}
		finally {
			this.users.leave();
		}
	}

	/**
	 * Cancel the reads under way, then close the handle once none is left (see
	 * {@link HandleUsers}): at once, within {@link #CLOSE_WAIT}, or else when the last
	 * read leaves.
	 */
	@Override
	protected void doClose() {
		if (this.readsInProgress.get() > 0) {
			this.reader.cancel();
			if (this.wakeMessages != null) {
				this.wakeMessages.writeForClose();
			}
		}
		this.users.close();
	}

}
