package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

/**
 * A kernel32 mailslot. Reads size their buffer from GetMailslotInfo's next size and, if a larger
 * message arrives while they wait, retry with its size ({@code ERROR_INSUFFICIENT_BUFFER} leaves
 * it queued).
 * <p>
 * A read with a timeout of its own sets it on the handle with SetMailslotInfo for that read and
 * restores the server's afterwards; reads are therefore one at a time, and {@link #info()} reports
 * the server's timeout as set at creation or by {@link #setReadTimeout(ReadTimeout)}.
 * <p>
 * {@link #close()} ends reads waiting in other threads before it closes the handle: it cancels
 * their I/O with CancelIoEx and, where that does not end them (Wine), writes a one-byte message
 * to the mailslot, which the woken reader discards because the server is closing.
 */
final class Win32MailslotServer implements MailslotServer {

	/** Buffer for a read that waits for a message of unknown size, when any size is allowed. */
	static final int DEFAULT_READ_BUFFER = 64 * 1024;

	private static final long CANCEL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private static final long CLOSE_WAIT_SECONDS = 5;

	private static final System.Logger logger = System.getLogger(Win32MailslotServer.class.getName());

	private final Win32Api api;

	private final Win32Errors errors;

	private final MailslotName name;

	private final HANDLE handle;

	/** Read side for every operation, write side for closing the handle. */
	private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicInteger readsInProgress = new AtomicInteger();

	/** One ReadFile at a time, so that a read's own timeout applies to it alone. */
	private final ReentrantLock readLock = new ReentrantLock();

	private volatile ReadTimeout readTimeout;

	Win32MailslotServer(Win32Api api, MailslotName name, HANDLE handle, ReadTimeout readTimeout) {
		this.api = api;
		this.errors = new Win32Errors(api);
		this.name = name;
		this.handle = handle;
		this.readTimeout = readTimeout;
	}

	@Override
	public MailslotName name() {
		return this.name;
	}

	@Override
	public String transport() {
		return Win32MailslotTransport.ID;
	}

	/**
	 * Return the server handle, for tests that inspect it.
	 */
	HANDLE handle() {
		return this.handle;
	}

	@Override
	public byte[] read() {
		return read(this.readTimeout);
	}

	@Override
	public byte[] read(ReadTimeout timeout) {
		this.lifecycle.readLock().lock();
		try {
			while (true) {
				ensureOpen();
				Info info = query();
				int size = (info.nextSize >= 0) ? info.nextSize : bufferForUnknownSize(info.maxMessageSize);
				byte[] buffer = new byte[Math.max(1, size)];
				int read = readFile(buffer, timeout);
				if (read >= 0) {
					return (read == buffer.length) ? buffer : Arrays.copyOf(buffer, read);
				}
			}
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	@Override
	public int read(ByteBuffer buffer) {
		return read(buffer, this.readTimeout);
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		this.lifecycle.readLock().lock();
		try {
			while (true) {
				ensureOpen();
				Info info = query();
				if (info.nextSize > buffer.remaining()) {
					throw new BufferTooSmallException(this.name, info.nextSize, buffer.remaining());
				}
				byte[] bytes = new byte[Math.max(1, buffer.remaining())];
				int read = readFile(bytes, timeout);
				if (read >= 0) {
					buffer.put(bytes, 0, read);
					return read;
				}
				int next = query().nextSize;
				if (next > buffer.remaining()) {
					throw new BufferTooSmallException(this.name, next, buffer.remaining());
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
	 * Read one message into the buffer, waiting up to the timeout.
	 * @return the size read, or -1 if the message was larger than the buffer and stays queued
	 */
	private int readFile(byte[] buffer, ReadTimeout timeout) {
		this.readLock.lock();
		try {
			ReadTimeout serverTimeout = this.readTimeout;
			boolean ownTimeout = !timeout.equals(serverTimeout);
			if (ownTimeout) {
				setHandleTimeout(timeout);
			}
			try {
				return readFileNow(buffer, timeout);
			}
			finally {
				if (ownTimeout && !this.closed.get()) {
					setHandleTimeout(this.readTimeout);
				}
			}
		}
		finally {
			this.readLock.unlock();
		}
	}

	private int readFileNow(byte[] buffer, ReadTimeout timeout) {
		this.readsInProgress.incrementAndGet();
		try {
			ensureOpen();
			IntByReference read = new IntByReference();
			if (this.api.readFile(this.handle, buffer, buffer.length, read)) {
				ensureOpen();
				return read.getValue();
			}
			int code = this.api.lastError();
			if (code == Win32Errors.ERROR_INSUFFICIENT_BUFFER && !this.closed.get()) {
				return -1;
			}
			if (code == Win32Errors.ERROR_SEM_TIMEOUT && !this.closed.get()) {
				throw new MailslotTimeoutException(this.name, timeout).withNativeErrorCode(code);
			}
			throw this.errors.readFailure(this.name, code, this.closed.get());
		}
		finally {
			this.readsInProgress.decrementAndGet();
		}
	}

	@Override
	public MailslotInfo info() {
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			Info info = query();
			return new MailslotInfo(info.maxMessageSize,
					(info.nextSize >= 0) ? OptionalInt.of(info.nextSize) : OptionalInt.empty(), info.messageCount,
					this.readTimeout);
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
			throw this.closed.get() ? this.errors.readFailure(this.name, code, true)
					: this.errors.failure(this.name, "query (GetMailslotInfo)", code);
		}
		return new Info(maxMessageSize.getValue(), nextSize.getValue(), messageCount.getValue());
	}

	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		this.lifecycle.readLock().lock();
		try {
			ensureOpen();
			setHandleTimeout(readTimeout);
			this.readTimeout = readTimeout;
		}
		finally {
			this.lifecycle.readLock().unlock();
		}
	}

	private void setHandleTimeout(ReadTimeout timeout) {
		if (!this.api.setMailslotInfo(this.handle, (int) timeout.toWin32Millis())) {
			throw this.errors.failure(this.name, "set the read timeout (SetMailslotInfo) of", this.api.lastError());
		}
	}

	@Override
	public boolean isOpen() {
		return !this.closed.get();
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
		while (this.readsInProgress.get() > 0 && System.nanoTime() < deadline) {
			this.api.cancelIo(this.handle);
			if (!awaitNoReads(System.nanoTime() + CANCEL_WAIT_NANOS)) {
				wakeReaderWithMessage();
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
			logger.log(System.Logger.Level.WARNING, "Closing mailslot {0} while a read still waits on it", this.name);
		}
		try {
			this.api.closeHandle(this.handle);
		}
		finally {
			if (locked) {
				this.lifecycle.writeLock().unlock();
			}
		}
	}

	private boolean awaitNoReads(long deadline) {
		while (this.readsInProgress.get() > 0) {
			if (System.nanoTime() >= deadline) {
				return false;
			}
			sleepBriefly();
		}
		return true;
	}

	private void wakeReaderWithMessage() {
		HANDLE client = this.api.openForWriting(this.name.toString());
		if (client == null || Win32Api.INVALID_HANDLE.equals(client)) {
			return;
		}
		try {
			this.api.writeFile(client, new byte[1], 1, new IntByReference());
		}
		finally {
			this.api.closeHandle(client);
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void ensureOpen() {
		if (this.closed.get()) {
			throw new MailslotClosedException(this.name, "Mailslot server " + this.name + " is closed");
		}
	}

	@Override
	public String toString() {
		return "Win32MailslotServer[" + this.name + "]";
	}

	/**
	 * What GetMailslotInfo returned; {@code nextSize} is -1 for MAILSLOT_NO_MESSAGE. The read
	 * timeout it returns may be a read's own; the server's is kept in {@link #readTimeout}.
	 */
	private record Info(int maxMessageSize, int nextSize, int messageCount) {

	}

}
