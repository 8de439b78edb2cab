package dev.mailslot.spring.listener;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

/**
 * One run of a {@link MailslotListenerContainer}: a reader on a platform thread of its own (a
 * native read must not pin a virtual thread's carrier) that reads with the poll timeout, woken at
 * once by a pause or stop ({@link #wakeReader()}), and gives each message, or batch, to the run's
 * {@link MessageDispatcher}. At shutdown it drains the mailslot, because closing a mailslot deletes
 * its messages: what cannot be dispatched before the deadline goes to the error handler.
 *
 * @param <T> what the reader reads at a time: a message or a batch ({@link ListenerDelivery})
 */
final class MailslotPollingReader<T> implements ListenerRun {

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	/** How long shutdown waits for an error handler that takes none of the messages handed to it. */
	private static final long STALLED_HAND_OFF_SECONDS = 5;

	private final AbstractMailslotListenerContainer container;

	private final MailslotMessageSource source;

	private final MailslotListenerInvoker invoker;

	private final ListenerDelivery<T> delivery;

	private final MessageDispatcher<T> dispatcher;

	private final ListenerCounters counters;

	private final ReadTimeout pollReadTimeout;

	private final long pollTimeoutNanos;

	private final DrainDeadline drain = new DrainDeadline();

	private final BooleanSupplier interrupted = this::isInterrupted;

	private final Thread thread;

	private volatile boolean stopRequested;

	/** Whether the reader is handing what it could not dispatch to the error handler. */
	private volatile boolean handingOff;

	MailslotPollingReader(AbstractMailslotListenerContainer container, MailslotMessageSource source,
			MailslotListenerInvoker invoker, ListenerDelivery<T> delivery, MessageDispatcher<T> dispatcher,
			ListenerCounters counters) {
		this.container = container;
		this.source = source;
		this.invoker = invoker;
		this.delivery = delivery;
		this.dispatcher = dispatcher;
		this.counters = counters;
		this.pollReadTimeout = ReadTimeout.of(container.getOptions().pollTimeout());
		this.pollTimeoutNanos = container.getOptions().pollTimeout().toNanos();
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
				T unit;
				try {
					unit = this.delivery.read(this.pollReadTimeout, this.interrupted);
				}
				catch (MailslotTimeoutException ex) {
					continue;
				}
				if (!this.dispatcher.dispatch(unit, this.drain)) {
					giveUp(List.of(unit));
				}
			}
			if (this.drain.isDraining()) {
				drainMailslot();
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
	 * Whether a pause or stop was asked for, which ends a wait for more messages of a batch.
	 */
	private boolean isInterrupted() {
		return this.stopRequested || this.container.isPauseRequested();
	}

	/**
	 * Take everything the mailslot holds and dispatch it until the drain deadline; what is left
	 * goes to the error handler at once, in one hand-off.
	 */
	private void drainMailslot() {
		List<T> units = this.delivery.group(this.source.readAll(this.container.getId()));
		for (int i = 0; i < units.size(); i++) {
			if (!this.dispatcher.dispatch(units.get(i), this.drain)) {
				giveUp(units.subList(i, units.size()));
				return;
			}
		}
	}

	/**
	 * Hand messages or batches to the error handler from the reader, marking the run as handing
	 * off so that shutdown waits for it to end before the mailslot closes.
	 */
	private void giveUp(List<T> units) {
		this.handingOff = true;
		try {
			this.invoker.giveUp(this.delivery.messagesOf(units));
		}
		finally {
			this.handingOff = false;
		}
	}

	private void fail(Throwable cause, String reason) {
		if (this.container.runFailed(this, cause)) {
			logger.error("Listener " + this.container.getId() + " on " + this.source.server().name() + " stopped: "
					+ reason, cause);
		}
	}

	/**
	 * Wait for the reader and the dispatchers until the deadline. Past it, at shutdown, hand what
	 * the dispatchers did not take to the error handler; at a plain stop they take it still.
	 */
	@Override
	public void awaitStop(boolean drain, long deadline) {
		boolean interrupted = join(deadline);
		try {
			if (drain && this.dispatcher.callsOnReader() && isActive()) {
				this.invoker.giveUp(this.source.readAll(this.container.getId()));
			}
			interrupted |= join(deadline + this.pollTimeoutNanos * 2);
			interrupted |= awaitHandOff();
			if (this.dispatcher.callsOnReader() && isActive()) {
				warnUnfinished();
			}
			while (true) {
				try {
					if (!this.dispatcher.awaitFinished(deadline)) {
						if (drain) {
							this.invoker.giveUp(this.delivery.messagesOf(this.dispatcher.takeBack()));
						}
						warnUnfinished();
					}
					break;
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
	 * Wait while the reader hands what it could not dispatch to the error handler, however many
	 * messages that is, for as long as the hand-off goes on: an error handler that takes no message
	 * for {@value #STALLED_HAND_OFF_SECONDS} s is given up on.
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

	private void warnUnfinished() {
		logger.warn("Listener " + this.container.getId() + " on " + this.source.server().name()
				+ " did not finish within the shutdown timeout of " + this.container.getOptions().shutdownTimeout()
				+ "; a message it is processing may still complete");
	}

}
