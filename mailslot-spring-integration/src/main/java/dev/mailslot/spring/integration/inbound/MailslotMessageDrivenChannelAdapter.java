package dev.mailslot.spring.integration.inbound;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.core.Pausable;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.support.AbstractIntegrationMessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.util.Assert;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.config.SimpleMailslotListenerEndpoint;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * A message-driven channel adapter: a listener container, made by a
 * {@link MailslotListenerContainerFactory}, reads a mailslot and the adapter sends each
 * message ({@link ListenerMode#RECORD}), or each batch the container reads
 * ({@link ListenerMode#BATCH}), to its output channel. The container's options apply as
 * they do to a {@code @MailslotListener}: a message or batch whose sending fails (the
 * flow threw, and no error channel took the failure) is retried, then handed to the error
 * handler or dead-lettered; {@link #pause()} and {@link #resume()} pause and resume the
 * container; and when the application stops, the mailslot is drained before its server
 * closes.
 */
public class MailslotMessageDrivenChannelAdapter extends MessageProducerSupport implements Pausable {

	/**
	 * What the adapter sends for what the container reads, as in Spring Integration's
	 * Kafka adapter.
	 */
	public enum ListenerMode {

		/**
		 * One message for each message read: its {@code byte[]} payload and the mailslot
		 * headers.
		 */
		RECORD,

		/**
		 * One message for each batch read: its payload the {@code List<Message<byte[]>>}
		 * of the messages read, in order and each with its own headers, and the headers
		 * every message of the batch shares ({@link MailslotHeaders#MAILSLOT},
		 * {@link MailslotHeaders#SERVER_ID}).
		 */
		BATCH

	}

	private final MailslotListenerContainerFactory containerFactory;

	private final String mailslot;

	private final ListenerMode mode;

	private @Nullable Integer maxBatchSize;

	private @Nullable Duration maxBatchWait;

	private @Nullable MailslotListenerContainer container;

	/**
	 * Create an adapter that sends one message for each message read.
	 * @param containerFactory the factory of the container that reads the mailslot
	 * @param mailslot a configured server id or a mailslot name that a server holds
	 */
	public MailslotMessageDrivenChannelAdapter(MailslotListenerContainerFactory containerFactory, String mailslot) {
		this(containerFactory, mailslot, ListenerMode.RECORD);
	}

	/**
	 * Create an adapter.
	 * @param containerFactory the factory of the container that reads the mailslot
	 * @param mailslot a configured server id or a mailslot name that a server holds
	 * @param mode whether to send each message read or each batch
	 */
	public MailslotMessageDrivenChannelAdapter(MailslotListenerContainerFactory containerFactory, String mailslot,
			ListenerMode mode) {
		Assert.hasText(mailslot, "A mailslot (a server id or a mailslot name) is required");
		Assert.notNull(mode, "A listener mode is required");
		this.containerFactory = containerFactory;
		this.mailslot = mailslot;
		this.mode = mode;
	}

	@Override
	public String getComponentType() {
		return "mailslot:message-driven-channel-adapter";
	}

	public ListenerMode getListenerMode() {
		return this.mode;
	}

	/**
	 * Set the most messages in one batch, over the container factory's.
	 * @param maxBatchSize at least 1, which the container's options check when the
	 * adapter is initialized
	 * @throws IllegalStateException if the adapter does not send batches
	 */
	public void setMaxBatchSize(int maxBatchSize) {
		assertBatchMode("maxBatchSize");
		this.maxBatchSize = maxBatchSize;
	}

	/**
	 * Set how long, after a batch's first message, the container waits for more, over the
	 * container factory's.
	 * @param maxBatchWait the wait, not negative, which the container's options check
	 * when the adapter is initialized
	 * @throws IllegalStateException if the adapter does not send batches
	 */
	public void setMaxBatchWait(Duration maxBatchWait) {
		assertBatchMode("maxBatchWait");
		this.maxBatchWait = maxBatchWait;
	}

	private void assertBatchMode(String option) {
		Assert.state(this.mode == ListenerMode.BATCH,
				() -> "The adapter of mailslot '" + this.mailslot + "' sends single messages, so " + option
						+ " does not apply; create it with ListenerMode.BATCH " + "to have it send batches, or remove "
						+ option);
	}

	@Override
	protected void onInit() {
		super.onInit();
		SimpleMailslotListenerEndpoint endpoint = (this.mode == ListenerMode.BATCH)
				? SimpleMailslotListenerEndpoint.forBatches(this::onMessages)
				: new SimpleMailslotListenerEndpoint(this::onMessage);
		String name = getComponentName();
		endpoint.setId((name != null) ? name : "mailslot-inbound-" + this.mailslot);
		endpoint.setMailslot(this.mailslot);
		endpoint.setDescription("Spring Integration adapter " + endpoint.getId() + " of mailslot " + this.mailslot);
		endpoint.getOptionOverrides().setMaxBatchSize(this.maxBatchSize);
		endpoint.getOptionOverrides().setMaxBatchWait(this.maxBatchWait);
		this.container = this.containerFactory.createContainer(endpoint);
	}

	private void onMessage(Message<byte[]> message) {
		sendMessage(getMessageBuilderFactory().fromMessage(message).build());
	}

	private void onMessages(List<Message<byte[]>> messages) {
		Message<byte[]> first = messages.get(0);
		AbstractIntegrationMessageBuilder<List<Message<byte[]>>> batch = getMessageBuilderFactory()
			.withPayload(List.copyOf(messages));
		for (String shared : List.of(MailslotHeaders.MAILSLOT, MailslotHeaders.SERVER_ID)) {
			Object value = first.getHeaders().get(shared);
			if (value != null) {
				batch.setHeader(shared, value);
			}
		}
		sendMessage(batch.build());
	}

	/**
	 * Return the container that reads the mailslot.
	 * @return the container
	 * @throws IllegalStateException before the adapter is initialized
	 */
	public MailslotListenerContainer getContainer() {
		MailslotListenerContainer current = this.container;
		Assert.state(current != null, "The adapter is not initialized yet");
		return current;
	}

	/**
	 * Stop reading, as the actuator's {@code pause} does for a listener: messages queue
	 * in the mailslot, and the flow gets what was read before. A reader that waits for a
	 * message pauses at once; one that is busy, once its work is done.
	 */
	@Override
	public void pause() {
		getContainer().pause();
	}

	/**
	 * Read again after {@link #pause()}: what queued in the mailslot comes in order.
	 */
	@Override
	public void resume() {
		getContainer().resume();
	}

	/**
	 * Return whether the container's reader has stopped reading because of
	 * {@link #pause()}.
	 * @return whether paused
	 */
	@Override
	public boolean isPaused() {
		return getContainer().isPaused();
	}

	@Override
	protected void doStart() {
		getContainer().start();
	}

	/**
	 * Stop reading; messages still in the mailslot stay there.
	 */
	@Override
	protected void doStop() {
		getContainer().stop();
	}

	/**
	 * Stop as the application stops: drain the mailslot first, since its server closes
	 * next.
	 */
	@Override
	protected void doStop(Runnable callback) {
		getContainer().stop(callback);
	}

	@Override
	public void destroy() {
		super.destroy();
		if (this.container != null) {
			this.container.destroy();
		}
	}

}
