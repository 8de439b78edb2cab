package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spi.AbstractMailslotServer;

import org.jspecify.annotations.Nullable;

/**
 * A kernel32 mailslot. Reads size their buffer from GetMailslotInfo's next size and, if a larger
 * message arrives while they wait, retry with its size ({@code ERROR_INSUFFICIENT_BUFFER} leaves
 * it queued). They are overlapped reads, as CreateMailslot's documentation asks of its handles (see
 * {@link OverlappedReader}).
 * <p>
 * A read with a timeout of its own sets it on the handle with SetMailslotInfo for that read and
 * restores the server's afterwards; reads are therefore one at a time, and {@link #info()} reports
 * the server's timeout as set at creation or by {@link #setReadTimeout(ReadTimeout)}.
 * <p>
 * {@link #close()} cancels a waiting read with CancelIoEx and waits for it to end before it closes
 * the handle; a read that completed in the meantime returns its message. {@link #wakeup()} sets the
 * reader's wake event, and the read cancels itself (see {@link OverlappedReader}). Where the handle
 * is synchronous (Wine), which neither can end, both write a wake message of random bytes that the
 * woken reader recognizes and drops ({@link WakeMessages}).
 */
final class Win32MailslotServer extends AbstractMailslotServer {

	/** Buffer for a read that waits for a message of unknown size, when any size is allowed. */
	static final int DEFAULT_READ_BUFFER = 64 * 1024;

	private static final long CLOSE_WAIT_SECONDS = 5;

	private static final System.Logger logger = System.getLogger(Win32MailslotServer.class.getName());

	private final Win32Api api;

	private final Win32Errors errors;

	private final HANDLE handle;

	private final OverlappedReader reader;

	/** Read side for every operation, write side for closing the handle. */
	private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

	private final AtomicInteger readsInProgress = new AtomicInteger();

	/** One ReadFile at a time, so that a read's own timeout applies to it alone. */
	private final ReentrantLock readLock = new ReentrantLock();

	private final BooleanSupplier wokenUp = this::isWakeupPending;

	/** What wakes a read waiting inside ReadFile where the handle is synchronous; else {@code null}. */
	private final @Nullable WakeMessages wakeMessages;

	Win32MailslotServer(Win32Api api, MailslotName name, HANDLE handle, OverlappedReader reader,
			ReadTimeout readTimeout) {
		super(name, Win32MailslotTransport.ID, readTimeout);
		this.api = api;
		this.errors = new Win32Errors(api);
		this.handle = handle;
		this.reader = reader;
		this.wakeMessages = reader.isSynchronous() ? new WakeMessages(api, name, query().maxMessageSize) : null;
	}

	/**
	 * Return the server handle, for tests that inspect it.
	 */
	HANDLE handle() {
		return this.handle;
	}

	@Override
	public byte[] read(ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		return readUntilItFits((info) -> {
			int size = (info.nextSize >= 0) ? info.nextSize : bufferForUnknownSize(info.maxMessageSize);
			return readFile(size, info.nextSize >= 0, timeout, OverlappedReader::bytes);
		});
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		return readUntilItFits((info) -> {
			if (info.nextSize > buffer.remaining()) {
				throw new BufferTooSmallException(name(), info.nextSize, buffer.remaining());
			}
			int size = (info.nextSize >= 0) ? info.nextSize
					: Math.min(buffer.remaining(), bufferForUnknownSize(info.maxMessageSize));
			Integer read = readFile(size, info.nextSize >= 0, timeout, (reader, length) -> {
				reader.copyTo(buffer, length);
				return length;
			});
			int next = (read != null) ? -1 : query().nextSize;
			if (next > buffer.remaining()) {
				throw new BufferTooSmallException(name(), next, buffer.remaining());
			}
			return read;
		});
	}

	/**
	 * Make read attempts, each sized from a fresh GetMailslotInfo, until one returns a message:
	 * an attempt returns {@code null} when a larger message arrived while it waited, which stays
	 * queued for the next.
	 */
	private <T> T readUntilItFits(Function<Info, @Nullable T> attempt) {
		this.lifecycle.readLock().lock();
		try {
			while (true) {
				ensureOpen();
				T message = attempt.apply(query());
				if (message != null) {
					return message;
				}
			}
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	private static int bufferForUnknownSize(int maxMessageSize) {
		return (maxMessageSize > 0) ? maxMessageSize : DEFAULT_READ_BUFFER;
	}

	/**
	 * Read one message of at most {@code size} bytes, waiting up to the timeout, and take it from
	 * the reader's buffer while no other read can reuse it.
	 * @param messageWaiting whether GetMailslotInfo saw a message waiting
	 * @return what {@code take} made of the message, or {@code null} if the message was larger and
	 * stays queued, or the read is to be made again
	 */
	private <T> @Nullable T readFile(int size, boolean messageWaiting, ReadTimeout timeout,
			BiFunction<OverlappedReader, Integer, T> take) {
		this.readLock.lock();
		try {
			ensureOpen();
			ReadTimeout serverTimeout = readTimeout();
			boolean ownTimeout = !timeout.equals(serverTimeout);
			if (ownTimeout) {
				setHandleTimeout(timeout);
			}
			try {
				int read = readFileNow(size, messageWaiting, timeout);
				return (read >= 0) ? take.apply(this.reader, read) : null;
			}
			finally {
				if (ownTimeout && !isClosed()) {
					setHandleTimeout(readTimeout());
				}
			}
		}
		finally {
			this.readLock.unlock();
		}
	}

	/**
	 * Make one ReadFile. A read that finds no message uses a wake-up kept for it, before it waits
	 * where the handle is synchronous. A wake message ends the read of a closed server, or a read
	 * that a wake-up waits for and that finds no message behind it; otherwise it is dropped and the
	 * read goes on.
	 * @return the size read, or -1 to read again
	 */
	private int readFileNow(int size, boolean messageWaiting, ReadTimeout timeout) {
		this.readsInProgress.incrementAndGet();
		try {
			ensureOpen();
			if (this.reader.isSynchronous() && !messageWaiting) {
				endIfWokenUp(timeout);
			}
			int read = this.reader.read(size, timeout, this.wokenUp);
			if (read == OverlappedReader.WOKEN) {
				endIfWokenUp(timeout);
				return -1;
			}
			if (read >= 0) {
				if (tookWakeMessage(read)) {
					if (isClosed()) {
						throw closedException();
					}
					if (query().nextSize < 0) {
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
	 * Wake the read that waits: with the wake event where the handle is overlapped, or else, if a
	 * read is under way, with a wake message, written while the handle is open so that it cannot
	 * reach a later mailslot of the same name.
	 */
	@Override
	protected void wakeReader() {
		WakeMessages messages = this.wakeMessages;
		if (messages == null) {
			this.reader.wake();
			return;
		}
		if (this.readsInProgress.get() > 0 && this.lifecycle.readLock().tryLock()) {
			try {
				if (!isClosed()) {
					messages.writeForWakeup();
				}
			}
			finally {
				this.lifecycle.readLock().unlock();
			}
		}
	}

	private boolean tookWakeMessage(int size) {
		WakeMessages messages = this.wakeMessages;
		return messages != null && size == messages.size() && messages.take(this.reader.bytes(size));
	}

	@Override
	public MailslotInfo info() {
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			Info info = query();
			return new MailslotInfo(info.maxMessageSize,
					(info.nextSize >= 0) ? OptionalInt.of(info.nextSize) : OptionalInt.empty(), info.messageCount,
					readTimeout());
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	private Info query() {
		IntByReference maxMessageSize = new IntByReference();
		IntByReference nextSize = new IntByReference();
		IntByReference messageCount = new IntByReference();
		IntByReference readTimeout = new IntByReference();
		if (!this.api.getMailslotInfo(this.handle, maxMessageSize, nextSize, messageCount, readTimeout)) {
			int code = this.api.lastError();
			throw isClosed() ? this.errors.readFailure(name(), code, true)
					: this.errors.failure(name(), "query (GetMailslotInfo)", code);
		}
		return new Info(maxMessageSize.getValue(), nextSize.getValue(), messageCount.getValue());
	}

	/**
	 * Set the timeout on the handle with SetMailslotInfo, then keep it as the server's.
	 */
	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		ReadTimeout.requireNonNull(readTimeout);
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			setHandleTimeout(readTimeout);
			super.setReadTimeout(readTimeout);
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	private void setHandleTimeout(ReadTimeout timeout) {
		if (!this.api.setMailslotInfo(this.handle, (int) timeout.toWin32Millis())) {
			throw this.errors.failure(name(), "set the read timeout (SetMailslotInfo) of", this.api.lastError());
		}
	}

	@Override
	protected void doClose() {
		if (this.readsInProgress.get() > 0) {
			this.reader.cancel();
			if (this.wakeMessages != null) {
				this.wakeMessages.writeForClose();
			}
		}
		boolean locked = false;
		try {
			locked = this.lifecycle.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!locked) {
			logger.log(System.Logger.Level.WARNING, "Closing mailslot {0} while a read still waits on it", name());
		}
		try {
			this.api.closeHandle(this.handle);
			if (locked) {
				this.reader.close();
			}
		}
		finally {
			if (locked) {
				this.lifecycle.writeLock().unlock();
			}
		}
	}

	/**
	 * What GetMailslotInfo returned; {@code nextSize} is -1 for MAILSLOT_NO_MESSAGE. The read
	 * timeout it returns may be a read's own; the server's is kept in {@link #readTimeout()}.
	 */
	private record Info(int maxMessageSize, int nextSize, int messageCount) {

	}

}
