package dev.mailslot.spring.listener;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.support.observation.DefaultMailslotListenerObservationConvention;

/**
 * Reads one mailslot and dispatches each message to a {@link MailslotMessageListener}.
 * <p>
 * One reader, on a platform thread of its own, reads with a bounded wait (the
 * {@link MailslotListenerContainerOptions#pollTimeout() poll timeout}) so that it notices pause and
 * stop promptly. With a concurrency of 1, the default, the reader calls the listener itself, so
 * messages are processed in the order they were written and none waits between threads. With
 * more, it hands each message to {@code concurrency} dispatchers that run on the
 * {@link MailslotListenerContainerOptions#taskExecutor() task executor} (virtual threads where
 * Boot enables them).
 * <p>
 * A message whose listener throws goes to the
 * {@link MailslotListenerContainerOptions#failureHandler() failure handler}: by default it is
 * retried as the retry policy says, then, or at once for a failure retrying cannot mend, handed to
 * the {@link MailslotErrorHandler error handler}. Each dispatch, retries included, is a
 * {@code mailslot.listener} observation (see {@link DefaultMailslotListenerObservationConvention}),
 * and the container counts what it received, processed and could not process
 * ({@link #getStatistics()}).
 * <p>
 * {@link #pause()} stops reading but keeps the mailslot open, so messages queue in it.
 * {@link #stop()} stops reading and lets the dispatchers finish what they hold. {@link #shutdown()}
 * first drains the mailslot, because closing a mailslot deletes its messages: what cannot be
 * dispatched within the shutdown timeout goes to the error handler, with a
 * {@link MessageNotDispatchedException}.
 */
public class MailslotListenerContainer extends AbstractMailslotListenerContainer {

	private final @Nullable String serverId;

	private final MailslotMessageListener listener;

	private final ListenerCounters counters = new ListenerCounters();

	private final MailslotMessageSource source;

	private final MailslotListenerInvoker invoker;

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
		super(id, options);
		this.serverId = serverId;
		this.listener = listener;
		this.source = new MailslotMessageSource(server, serverId, this.counters);
		this.invoker = new MailslotListenerInvoker(id, this.source.mailslot(), listener, options, this.counters);
	}

	public MailslotServer getServer() {
		return this.source.server();
	}

	public @Nullable String getServerId() {
		return this.serverId;
	}

	public MailslotMessageListener getListener() {
		return this.listener;
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
		MailslotListenerContainerOptions options = getOptions();
		MessageDispatcher dispatcher = (options.concurrency() > 1)
				? new ConcurrentMessageDispatcher(getId(), options.concurrency(), options.taskExecutor(),
						options.pollTimeout(), this.invoker)
				: new OrderedMessageDispatcher(this.invoker);
		return new MailslotPollingReader(this, this.source, this.invoker, dispatcher, this.counters);
	}

	/**
	 * Dispatch on this thread until the deadline.
	 */
	@Override
	protected void drainIdle(long deadline) {
		List<Message<byte[]>> messages = this.source.readAll(getId());
		for (int i = 0; i < messages.size(); i++) {
			if (deadline - System.nanoTime() <= 0) {
				this.invoker.giveUp(messages.subList(i, messages.size()));
				return;
			}
			this.invoker.invoke(messages.get(i));
		}
	}

	@Override
	public String toString() {
		return "MailslotListenerContainer[" + getId() + " on " + getServer().name() + ", " + getState() + "]";
	}

}
