package dev.mailslot.spring.integration.inbound;

import org.jspecify.annotations.Nullable;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.Message;
import org.springframework.util.Assert;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.config.SimpleMailslotListenerEndpoint;
import dev.mailslot.spring.listener.MailslotListenerContainer;

/**
 * A message-driven channel adapter: a listener container, made by a
 * {@link MailslotListenerContainerFactory}, reads a mailslot and the adapter sends each
 * message to its output channel, with its {@code byte[]} payload and the mailslot
 * headers. The container's options apply as they do to a {@code @MailslotListener}: a
 * message whose sending fails (the flow threw, and no error channel took the failure) is
 * retried, then handed to the error handler or dead-lettered; {@link #getContainer()}
 * pauses and resumes it; and when the application stops, the mailslot is drained before
 * its server closes.
 */
public class MailslotMessageDrivenChannelAdapter extends MessageProducerSupport {

	private final MailslotListenerContainerFactory containerFactory;

	private final String mailslot;

	private @Nullable MailslotListenerContainer container;

	/**
	 * Create an adapter.
	 * @param containerFactory the factory of the container that reads the mailslot
	 * @param mailslot a configured server id or a mailslot name that a server holds
	 */
	public MailslotMessageDrivenChannelAdapter(MailslotListenerContainerFactory containerFactory, String mailslot) {
		Assert.hasText(mailslot, "A mailslot (a server id or a mailslot name) is required");
		this.containerFactory = containerFactory;
		this.mailslot = mailslot;
	}

	@Override
	public String getComponentType() {
		return "mailslot:message-driven-channel-adapter";
	}

	@Override
	protected void onInit() {
		super.onInit();
		SimpleMailslotListenerEndpoint endpoint = new SimpleMailslotListenerEndpoint(this::onMessage);
		String name = getComponentName();
		endpoint.setId((name != null) ? name : "mailslot-inbound-" + this.mailslot);
		endpoint.setMailslot(this.mailslot);
		endpoint.setDescription("Spring Integration adapter " + endpoint.getId() + " of mailslot " + this.mailslot);
		this.container = this.containerFactory.createContainer(endpoint);
	}

	private void onMessage(Message<byte[]> message) {
		sendMessage(getMessageBuilderFactory().fromMessage(message).build());
	}

	/**
	 * Return the container that reads the mailslot, for pausing and resuming it.
	 * @return the container
	 * @throws IllegalStateException before the adapter is initialized
	 */
	public MailslotListenerContainer getContainer() {
		MailslotListenerContainer current = this.container;
		Assert.state(current != null, "The adapter is not initialized yet");
		return current;
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
