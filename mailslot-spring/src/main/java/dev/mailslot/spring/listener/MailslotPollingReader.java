package dev.mailslot.spring.listener;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

/**
 * One run of a {@link MailslotListenerContainer}: a reader on a platform thread of its
 * own (a native read must not pin a virtual thread's carrier) that reads with the poll
 * timeout, woken at once by a pause or stop ({@link #wakeReader()}), and gives each
 * message, or batch, to the run's {@link MessageDispatcher}, reading only once a
 * dispatcher is free for it. At shutdown it drains the mailslot one unit at a time until
 * the deadline ({@link MailslotDrain}), because closing a mailslot deletes its messages;
 * what is still in the mailslot then stays there for the close to count. Whatever the run
 * took is processed, handed to the error handler, or, for a listener call that outlasts
 * the shutdown, counted and logged as in flight at shutdown.
 *
 * @param <T> what the reader reads at a time: a message or a batch
 * ({@link ListenerDelivery})
 */
final class MailslotPollingReader<T> implements ListenerRun {

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	/**
	 * How long shutdown waits for an error handler that takes none of the messages handed
	 * to it.
	 */
	private static final long STALLED_HAND_OFF_SECONDS = 5;

	private final AbstractMailslotListenerContainer container;

	private final MailslotMessageSource source;

	private final MailslotListenerInvoker<?> invoker;

	private final ListenerDelivery<T> delivery;

	private final MessageDispatcher<T> dispatcher;

	private final ListenerCounters counters;

	private final MailslotDrain<T> mailslotDrain;

	private final ReadTimeout pollReadTimeout;

	private final long pollTimeoutNanos;

	private final DrainDeadline drain = new DrainDeadline();

	private final BooleanSupplier interrupted = this::isInterrupted;

	private final Thread thread;

	private volatile boolean stopRequested;

	/** Whether the reader is handing what it could not dispatch to the error handler. */
	private volatile boolean handingOff;

	MailslotPollingReader(AbstractMailslotListenerContainer container, MailslotMessageSource source,
			MailslotListenerInvoker<?> invoker, ListenerDelivery<T> delivery, MessageDispatcher<T> dispatcher,
			ListenerCounters counters) {
		this.container = container;
		this.source = source;
		this.invoker = invoker;
		this.delivery = delivery;
		this.dispatcher = dispatcher;
		this.counters = counters;
		this.pollReadTimeout = ReadTimeout.of(container.getOptions().pollTimeout());
		this.pollTimeoutNanos = container.getOptions().pollTimeout().toNanos();
		this.mailslotDrain = new MailslotDrain<>(container.getId(), source, delivery, dispatcher, this::giveUp,
				this.pollTimeoutNanos);
		this.thread = new Thread(this::read, "mailslot-" + container.getId());
	}

	@Override
	public void start() {
		this.dispatcher.start();
		try {
			this.thread.start();
		}
		catch (RuntimeException | Error ex) {
			this.dispatcher.finish();
			throw ex;
		}
	}

	@Override
	public boolean isActive() {
		return this.thread.isAlive();
	}

	@Override
	public boolean isStopRequested() {
		return this.stopRequested;
	}

	@Override
	public void requestStop(boolean drain, long deadline) {
		if (drain) {
			this.drain.drainUntil(deadline);
		}
		this.stopRequested = true;
		wakeReader();
	}

	@Override
	public void wakeReader() {
		this.source.server().wakeup();
	}

	private void read() {
		try {
			while (this.container.awaitReading(this)) {
				if (!this.dispatcher.awaitRoom(this.pollTimeoutNanos)) {
					continue;
				}
				T unit;
				try {
					unit = this.delivery.read(this.pollReadTimeout, this.interrupted);
				}
				catch (MailslotTimeoutException ex) {
					continue;
				}
				this.mailslotDrain.dispatchOrGiveUp(unit, this.drain);
			}
			if (this.drain.isDraining()) {
				this.mailslotDrain.drain(this.drain);
			}
		}
		catch (MailslotClosedException ex) {
			fail(ex, "its mailslot was closed while it read");
		}
		catch (RuntimeException ex) {
			fail(ex, "reading failed");
		}
		finally {
			this.dispatcher.finish();
		}
	}

	/**
	 * Whether a pause or stop was asked for, which ends a wait for more messages of a
	 * batch.
	 */
	private boolean isInterrupted() {
		return this.stopRequested || this.container.isPauseRequested();
	}

	/**
	 * Hand messages to the error handler from the reader, marking the run as handing off
	 * so that shutdown waits for it to end before the mailslot closes.
	 */
	private void giveUp(List<Message<byte[]>> messages) {
		this.handingOff = true;
		try {
			this.invoker.giveUp(messages);
		}
		finally {
			this.handingOff = false;
		}
	}

	private void fail(Throwable cause, String reason) {
		if (this.container.runFailed(this, cause)) {
			logger.error(
					"Listener " + this.container.getId() + " on " + this.source.server().name() + " stopped: " + reason,
					cause);
		}
	}

	/**
	 * Wait for the reader and the dispatchers until the deadline, and for the reader a
	 * little longer: it notices the stop within a poll timeout. At shutdown, hand what no
	 * dispatcher took to the error handler, and log the messages of listener calls still
	 * running as in flight at shutdown; at a plain stop the dispatchers take what is left
	 * still.
	 */
	@Override
	public void awaitStop(boolean drain, long deadline) {
		boolean interrupted = join(deadline + this.pollTimeoutNanos * 2);
		try {
			interrupted |= awaitHandOff();
			boolean finished;
			while (true) {
				try {
					finished = this.dispatcher.awaitFinished(deadline);
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (finished && !isActive()) {
				return;
			}
			if (!drain) {
				warnUnfinished();
				return;
			}
			if (!finished) {
				this.invoker.giveUp(this.delivery.messagesOf(this.dispatcher.takeBack()));
			}
			warnInFlight();
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Wait while the reader hands a unit it read as the deadline passed to the error
	 * handler, for as long as the hand-off goes on: an error handler that takes no
	 * message for {@value #STALLED_HAND_OFF_SECONDS} s is given up on.
	 * @return whether this thread was interrupted meanwhile
	 */
	private boolean awaitHandOff() {
		boolean interrupted = false;
		long handedOff = this.counters.unprocessedCount();
		long progressed = System.nanoTime();
		while (isActive() && this.handingOff) {
			interrupted |= join(System.nanoTime() + this.pollTimeoutNanos);
			long now = this.counters.unprocessedCount();
			if (now != handedOff) {
				handedOff = now;
				progressed = System.nanoTime();
			}
			else if (System.nanoTime() - progressed > TimeUnit.SECONDS.toNanos(STALLED_HAND_OFF_SECONDS)) {
				logger.warn("The error handler of listener " + this.container.getId() + " took no message for "
						+ STALLED_HAND_OFF_SECONDS + " s; shutdown goes on while it holds the rest");
				break;
			}
		}
		return interrupted;
	}

	/**
	 * Wait for the reader to end until a {@code System.nanoTime()} deadline.
	 * @return whether this thread was interrupted meanwhile
	 */
	private boolean join(long deadline) {
		boolean interrupted = false;
		while (isActive() && deadline - System.nanoTime() > 0) {
			try {
				this.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		return interrupted;
	}

	/**
	 * Log the messages whose listener calls outlast the shutdown, which the statistics
	 * count in flight: they go on while the application closes, and are lost if it exits
	 * first.
	 */
	private void warnInFlight() {
		long inFlight = this.counters.inFlight();
		if (inFlight <= 0) {
			return;
		}
		logger.warn("Listener " + this.container.getId() + " on " + this.source.server().name() + " has " + inFlight
				+ " message(s) in flight at shutdown: its listener calls did not return within the shutdown timeout of "
				+ this.container.getOptions().shutdownTimeout()
				+ "; they go on while the application closes and are not processed if it exits first");
	}

	private void warnUnfinished() {
		logger.warn("Listener " + this.container.getId() + " on " + this.source.server().name()
				+ " did not finish within the shutdown timeout of " + this.container.getOptions().shutdownTimeout()
				+ "; a message it is processing may still complete");
	}

}
