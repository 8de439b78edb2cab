package dev.mailslot.spring.config;

import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import dev.mailslot.spring.listener.MailslotMessageListener;

/**
 * A listener endpoint with a {@link MailslotMessageListener} of its own, which gets each message
 * as it was read: payload {@code byte[]} and the headers of
 * {@link dev.mailslot.spring.support.MailslotHeaders}.
 */
public class SimpleMailslotListenerEndpoint extends AbstractMailslotListenerEndpoint {

	private final MailslotMessageListener messageListener;

	/**
	 * Create an endpoint.
	 * @param messageListener the listener
	 */
	public SimpleMailslotListenerEndpoint(MailslotMessageListener messageListener) {
		this.messageListener = messageListener;
	}

	public MailslotMessageListener getMessageListener() {
		return this.messageListener;
	}

	@Override
	protected String defaultDescription() {
		return "listener '" + getId() + "' (" + this.messageListener.getClass().getName() + ")";
	}

	@Override
	public MailslotMessageListener createMessageListener(MessageHandlerMethodFactory messageHandlerMethodFactory) {
		return this.messageListener;
	}

}
