package dev.mailslot.spring.listener;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.support.observation.DefaultMailslotListenerObservationConvention;

/**
 * Reads one mailslot and dispatches each message to a {@link MailslotMessageListener}.
 * <p>
 * One reader, on a platform thread of its own, reads with a bounded wait (the
 * {@link MailslotListenerContainerOptions#pollTimeout() poll timeout}), which a pause or
 * stop ends at once ({@link MailslotServer#wakeup()}). With a concurrency of 1, the
 * default, the reader calls the listener itself, so messages are processed in the order
 * they were written and none waits between threads. With more, it hands each message to
 * {@code concurrency} dispatchers that run on the
 * {@link MailslotListenerContainerOptions#taskExecutor() task executor} (virtual threads
 * where Boot enables them). A container made {@link #forBatches for batches} does the
 * same with batches: after a batch's first message, those waiting or arriving within the
 * {@link MailslotListenerContainerOptions#maxBatchWait() longest wait}, up to the
 * {@link MailslotListenerContainerOptions#maxBatchSize() largest batch}.
 * <p>
 * A message whose listener throws goes to the
 * {@link MailslotListenerContainerOptions#failureHandler() failure handler}: by default
 * it is retried as the retry policy says, then, or at once for a failure retrying cannot
 * mend, handed to the {@link MailslotErrorHandler error handler}. Each dispatch, retries
 * included, is a {@code mailslot.listener} observation (see
 * {@link DefaultMailslotListenerObservationConvention}), and the container counts what it
 * received, processed and could not process ({@link #getStatistics()}).
 * <p>
 * {@link #pause()} stops reading but keeps the mailslot open, so messages queue in it.
 * {@link #stop()} stops reading and lets the dispatchers finish what they hold.
 * {@link #shutdown()} first drains the mailslot, a message or batch at a time, because
 * closing a mailslot deletes its messages. Past the shutdown timeout it takes nothing
 * more from the mailslot, whose close then deletes and counts what is left; what the
 * container had taken but not dispatched goes to the error handler, with a
 * {@link MessageNotDispatchedException}, and the messages of listener calls still running
 * are logged as in flight at shutdown and counted
 * {@link MailslotListenerStatistics#inFlight() in flight}.
 */
public class MailslotListenerContainer extends AbstractMailslotListenerContainer {

	private final @Nullable String serverId;

	private final ListenerCounters counters = new ListenerCounters();

	private final MailslotMessageSource source;

	private final MailslotListenerInvoker<?> invoker;

	private final ListenerDelivery<?> delivery;

	/**
	 * Create a container with the default options.
	 * @param id the listener id
	 * @param server the mailslot to read
	 * @param serverId the id of the configured server, or {@code null}
	 * @param listener the listener to dispatch to
	 */
	public MailslotListenerContainer(String id, MailslotServer server, @Nullable String serverId,
			MailslotMessageListener listener) {
		this(id, server, serverId, listener, MailslotListenerContainerOptions.defaults());
	}

	/**
	 * Create a container.
	 * @param id the listener id
	 * @param server the mailslot to read
	 * @param serverId the id of the configured server, or {@code null}
	 * @param listener the listener to dispatch to
	 * @param options how to read, dispatch, retry and stop
	 */
	public MailslotListenerContainer(String id, MailslotServer server, @Nullable String serverId,
			MailslotMessageListener listener, MailslotListenerContainerOptions options) {
		this(id, server, serverId, new MessageUnitListener(listener), SingleMessageDelivery::new, options);
	}

	private <T> MailslotListenerContainer(String id, MailslotServer server, @Nullable String serverId,
			UnitListener<T> listener, DeliveryFactory<T> deliveries, MailslotListenerContainerOptions options) {
		super(id, options);
		this.serverId = serverId;
		this.source = new MailslotMessageSource(server, serverId, this.counters);
		MailslotListenerInvoker<T> invoker = new MailslotListenerInvoker<>(id, this.source.mailslot(), listener,
				options, this.counters);
		this.invoker = invoker;
		this.delivery = deliveries.create(this.source, invoker);
	}

	/**
	 * Create a container that gives its listener batches: up to
	 * {@link MailslotListenerContainerOptions#maxBatchSize()} messages, those waiting or
	 * arriving within {@link MailslotListenerContainerOptions#maxBatchWait()} after the
	 * first, in order.
	 * @param id the listener id
	 * @param server the mailslot to read
	 * @param serverId the id of the configured server, or {@code null}
	 * @param listener the batch listener to dispatch to
	 * @param options how to read, batch, dispatch, retry and stop
	 * @return the container
	 */
	public static MailslotListenerContainer forBatches(String id, MailslotServer server, @Nullable String serverId,
			MailslotBatchMessageListener listener, MailslotListenerContainerOptions options) {
		return new MailslotListenerContainer(id, server, serverId, new BatchUnitListener(listener),
				(source, invoker) -> new BatchDelivery(source, invoker, options), options);
	}

	public MailslotServer getServer() {
		return this.source.server();
	}

	public @Nullable String getServerId() {
		return this.serverId;
	}

	/**
	 * Return the listener of single messages.
	 * @return the listener, or {@code null} if this container gives batches
	 */
	public @Nullable MailslotMessageListener getListener() {
		return (this.invoker.getListener() instanceof MessageUnitListener single) ? single.listener() : null;
	}

	/**
	 * Return the listener of batches.
	 * @return the batch listener, or {@code null} if this container gives single messages
	 */
	public @Nullable MailslotBatchMessageListener getBatchListener() {
		return (this.invoker.getListener() instanceof BatchUnitListener batches) ? batches.listener() : null;
	}

	/**
	 * Return whether this container gives its listener batches.
	 * @return whether the listener takes batches
	 */
	public boolean isBatchListener() {
		return this.invoker.getListener() instanceof BatchUnitListener;
	}

	public int getConcurrency() {
		return getOptions().concurrency();
	}

	/**
	 * Return the container's counts.
	 * @return the statistics
	 */
	public MailslotListenerStatistics getStatistics() {
		return this.counters.statistics();
	}

	@Override
	protected ListenerRun createRun() {
		return createRun(this.delivery);
	}

	private <T> ListenerRun createRun(ListenerDelivery<T> delivery) {
		MailslotListenerContainerOptions options = getOptions();
		MessageDispatcher<T> dispatcher = (options.concurrency() > 1)
				? new ConcurrentMessageDispatcher<>(getId(), options.concurrency(), options.taskExecutor(), delivery)
				: new OrderedMessageDispatcher<>(delivery);
		return new MailslotPollingReader<>(this, this.source, this.invoker, delivery, dispatcher, this.counters);
	}

	/**
	 * Drain on this thread, one unit at a time, until the deadline: a listener call that
	 * outlasts it holds up the shutdown until it returns.
	 */
	@Override
	protected void drainIdle(long deadline) {
		drainIdle(this.delivery, deadline);
	}

	private <T> void drainIdle(ListenerDelivery<T> delivery, long deadline) {
		DrainDeadline drain = new DrainDeadline();
		drain.drainUntil(deadline);
		new MailslotDrain<>(getId(), this.source, delivery, new OrderedMessageDispatcher<>(delivery),
				this.invoker::giveUp, getOptions().pollTimeout().toNanos())
			.drain(drain);
	}

	@Override
	protected String describeMailslot() {
		return getServer().name().toString();
	}

	@Override
	protected long receivedCount() {
		return this.counters.statistics().received();
	}

	@Override
	public String toString() {
		return "MailslotListenerContainer[" + getId() + " on " + getServer().name() + ", " + getState() + "]";
	}

	/**
	 * Makes the delivery of a container's unit, once its invoker exists.
	 */
	@FunctionalInterface
	private interface DeliveryFactory<T> {

		ListenerDelivery<T> create(MailslotMessageSource source, MailslotListenerInvoker<T> invoker);

	}

}
