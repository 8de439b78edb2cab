package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import dev.mailslot.BufferTooSmallException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spi.AbstractMailslotServer;
import dev.mailslot.spi.DeletedMessagesLog;

/**
 * A mailslot on a Unix domain socket. Writers send each message as one frame, stamped
 * from the host's monotonic clock, while the credit the server gave them covers it
 * ({@link UnixWireFormat}, {@link UnixCredit}). Reads and {@code info()} read what has
 * arrived themselves first, so that a message whose write returned is counted and read at
 * once, and a read with nothing to read waits in the connections' selector. A keeper
 * thread accepts writers, and while no read runs reads what arrives into the held
 * messages and answers requests for credit, so that how many are held is known, and kept
 * in the lock file ({@link UnixSocketOwnership}) for the next server of the name to count
 * what a kill lost.
 * <p>
 * Order: a message m is read only once its stamp is earlier than the start of a drain
 * (every connection read until it would block) that completed after m was held; else the
 * server drains again first. Then a message m' whose write returned before m's write
 * began was read too: m' was whole in its socket before m's stamp, so before that drain
 * started, and the drain read all of it, as the credit let it hold everything its writers
 * may send. m' is stamped within its write, so earlier than m, and the held message with
 * the smallest stamp is read first: m' comes before m. A drain stopped early would break
 * this; the credit keeps that from happening.
 */
final class UnixMailslotServer extends AbstractMailslotServer {

	private static final System.Logger logger = System.getLogger(UnixMailslotServer.class.getName());

	private final int maxMessageSize;

	private final Path socket;

	private final ServerSocketChannel channel;

	private final UnixConnections connections;

	private final UnixSocketOwnership ownership;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final UnixHeldMessages held;

	private final UnixSelectorTurns turns = new UnixSelectorTurns();

	UnixMailslotServer(String transport, MailslotServerOptions options, int maxMessageSize, Path socket,
			ServerSocketChannel channel, UnixSocketOwnership ownership) throws IOException {
		super(options.name(), transport, options.readTimeout());
		this.maxMessageSize = maxMessageSize;
		this.held = new UnixHeldMessages(ownership::held);
		this.socket = socket;
		this.channel = channel;
		this.ownership = ownership;
		this.connections = new UnixConnections(options.name(), channel, maxMessageSize, options.holdCapacity(),
				ownership::unspent);
		if (ownership.lostByPrevious() > 0 || ownership.unreadByPrevious() > 0) {
			logger.log(System.Logger.Level.WARNING,
					"The previous server of mailslot " + name() + " ended without "
							+ "closing it (it was killed, or its machine stopped) while it held "
							+ ownership.lostByPrevious() + " message(s) its writers had sent, and its writers may "
							+ "have sent up to " + ownership.unreadByPrevious() + " more that it had not yet read "
							+ "off its sockets; they are lost");
		}
		Thread keeper = new Thread(this::keep, "mailslot-unix-" + options.name().path());
		keeper.setDaemon(true);
		keeper.start();
	}

	/**
	 * Take in what writers send while no read does ({@link UnixSelectorTurns}); else,
	 * every {@value UnixSelectorTurns#PAUSE_MILLIS} ms, accept writers and, unless a read
	 * waits in the selector (which takes in what arrives itself), drain: reads that take
	 * held messages do not drain while the held ones are older than the last drain, and a
	 * writer's request for credit must not wait unread until they are all read.
	 */
	private void keep() {
		while (!isClosed()) {
			if (this.turns.readerSelecting() || this.turns.readsActive()) {
				LockSupport.parkNanos(UnixSelectorTurns.PAUSE_NANOS);
				underLock(this::takeInWhileReadsRun);
				continue;
			}
			if (this.turns.keeperStarts()) {
				try {
					if (!this.connections.await(0)) {
						return;
					}
				}
				finally {
					this.turns.keeperEnds();
				}
			}
			underLock(() -> {
				if (this.turns.readsActive()) {
					this.connections.accept();
				}
				else {
					pump();
				}
			});
		}
	}

	private void takeInWhileReadsRun() {
		this.connections.accept();
		if (!this.turns.readerSelecting() && drain() > 0) {
			this.changed.signalAll();
		}
	}

	private void underLock(Runnable action) {
		this.lock.lock();
		try {
			if (!isClosed()) {
				action.run();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Accept the writers that wait, take in what has arrived, and tell the reads that
	 * wait when it is a message. Called under the lock.
	 */
	private void pump() {
		this.connections.acceptIfWaiting();
		if (drain() > 0) {
			this.changed.signalAll();
		}
	}

	/**
	 * Take in what has arrived, and wake the read that waits in the selector if this took
	 * something: what it waits for is now held, and its socket no longer readable. Called
	 * under the lock, by a thread that does not select (the keeper, another read,
	 * {@link #info()}).
	 * @return how many messages were taken in
	 */
	private int drain() {
		int taken = this.connections.drain(this.held);
		if (taken > 0 && this.turns.readerSelecting()) {
			this.connections.wakeup();
		}
		return taken;
	}

	@Override
	public byte[] read(ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		this.turns.enterRead();
		this.lock.lock();
		try {
			awaitMessage(timeout);
			return take();
		}
		finally {
			this.lock.unlock();
			this.turns.exitRead();
		}
	}

	@Override
	public int read(ByteBuffer buffer, ReadTimeout timeout) {
		ReadTimeout.requireNonNull(timeout);
		this.turns.enterRead();
		this.lock.lock();
		try {
			byte[] next = awaitMessage(timeout);
			if (next.length > buffer.remaining()) {
				this.changed.signal();
				throw new BufferTooSmallException(name(), next.length, buffer.remaining());
			}
			buffer.put(take());
			return next.length;
		}
		finally {
			this.lock.unlock();
			this.turns.exitRead();
		}
	}

	private byte[] take() {
		UnixHeldMessages.Held first = this.held.take();
		this.connections.taken(first);
		return first.message();
	}

	/**
	 * Wait for a message, as uninterruptibly as a native read: only the timeout, a
	 * wake-up and close end the wait. An interrupt that arrives meanwhile stays set on
	 * the thread. The timeout counts from the first look that finds nothing, so that a
	 * read that finds a message does not read the clock.
	 * @return the next message, left in the hold
	 */
	private byte[] awaitMessage(ReadTimeout timeout) {
		long deadline = Long.MIN_VALUE;
		boolean interrupted = false;
		try {
			while (true) {
				ensureOpen();
				byte[] next = next();
				if (next != null) {
					return next;
				}
				endIfWokenUp(timeout);
				long remaining = Long.MAX_VALUE;
				if (!timeout.isForever()) {
					long now = System.nanoTime();
					if (deadline == Long.MIN_VALUE) {
						deadline = now + timeout.toDuration().toNanos();
					}
					remaining = deadline - now;
				}
				if (remaining <= 0) {
					throw new MailslotTimeoutException(name(), timeout);
				}
				interrupted |= awaitArrival(remaining, timeout.isForever());
				if (isClosed()) {
					throw closedWhileReading();
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
	 * Wait for what writers send: in the connections' selector, or, while another read
	 * waits there, until it signals, which it does when it stops waiting, so that another
	 * takes its turn. Called under the lock, which the selecting read lets go of
	 * meanwhile.
	 * @return whether the thread was interrupted; the interrupt is cleared, for the
	 * caller to set again once the read ends
	 */
	private boolean awaitArrival(long remainingNanos, boolean forever) {
		if (this.turns.readerSelecting()) {
			try {
				this.changed.awaitNanos(remainingNanos);
				return false;
			}
			catch (InterruptedException ex) {
				return true;
			}
		}
		boolean interrupted = Thread.interrupted();
		try {
			if (this.turns.readerStarts()) {
				this.connections.wakeup();
			}
			this.lock.unlock();
			try {
				this.connections.await(forever ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos)));
			}
			finally {
				this.lock.lock();
			}
		}
		finally {
			this.turns.readerEnds();
		}
		if (!isClosed()) {
			pump();
		}
		this.changed.signalAll();
		return interrupted;
	}

	/**
	 * Return the next message, if one may be read: the held message with the smallest
	 * stamp, once its stamp is earlier than the start of the last drain (see the class'
	 * Javadoc). Drains until it is, or nothing is held; a message held before a drain is
	 * earlier than its start, so this takes at most three.
	 */
	private byte @Nullable [] next() {
		UnixHeldMessages.Held first = this.held.peek();
		while (first == null || first.stamp() >= this.connections.lastDrainStart()) {
			boolean held = first != null;
			drain();
			first = this.held.peek();
			if (first == null && !held) {
				return null;
			}
		}
		return first.message();
	}

	@Override
	protected void wakeReader() {
		this.lock.lock();
		try {
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.connections.wakeup();
	}

	@Override
	public MailslotInfo info() {
		this.lock.lock();
		try {
			ensureOpen();
			drain();
			UnixHeldMessages.Held first = this.held.peek();
			byte[] next = (first != null) ? first.message() : null;
			return new MailslotInfo(this.maxMessageSize,
					(next != null) ? OptionalInt.of(next.length) : OptionalInt.empty(), this.held.count(),
					readTimeout());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void setReadTimeout(ReadTimeout readTimeout) {
		this.lock.lock();
		try {
			super.setReadTimeout(readTimeout);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return how many messages the previous server of the name held when it ended without
	 * closing (killed), and so lost.
	 */
	long lostByPreviousServer() {
		return this.ownership.lostByPrevious();
	}

	/**
	 * Return how many messages at most the previous server's writers had sent that it had
	 * not read when it ended without closing, and so lost.
	 */
	long unreadByPreviousServer() {
		return this.ownership.unreadByPrevious();
	}

	/**
	 * Return what was dropped as garbage, by reason.
	 */
	UnixGarbage garbage() {
		return this.connections.garbage();
	}

	/**
	 * Remove the socket so that no writer connects any more, take in what writers send
	 * until their credit is spent ({@link UnixConnections#close(UnixHeldMessages)}), end
	 * the connections (their writers' next write fails), delete it all with a warning
	 * that counts it, and let go of the name.
	 */
	@Override
	protected void doClose() {
		try {
			Files.deleteIfExists(this.socket);
		}
		catch (IOException ex) {
			logger.log(System.Logger.Level.WARNING, "Cannot remove the socket " + this.socket + " of mailslot " + name()
					+ "; the next server of the name replaces it", ex);
		}
		this.lock.lock();
		try {
			this.connections.close(this.held);
			UnixHeldMessages.Held[] deleted = this.held.clear();
			this.connections.deleted(deleted);
			DeletedMessagesLog.warn(logger, name(), deleted.length);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// Closed all the same.
		}
		this.ownership.close();
	}

}
