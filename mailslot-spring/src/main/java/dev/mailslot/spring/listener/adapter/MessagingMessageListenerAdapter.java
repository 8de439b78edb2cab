package dev.mailslot.spring.listener.adapter;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

import dev.mailslot.spring.listener.MailslotMessageListener;

/**
 * Calls a listener method, resolving its arguments from the message with spring-messaging's
 * handler-method machinery (converters, {@code @Payload}, {@code @Header}, {@code @Valid}).
 */
public class MessagingMessageListenerAdapter implements MailslotMessageListener {

	/** No arguments besides those resolved from the message; one array, not one per call. */
	private static final Object[] NO_PROVIDED_ARGUMENTS = {};

	private final InvocableHandlerMethod handlerMethod;

	/**
	 * Create an adapter for the given method.
	 * @param handlerMethod the method, bound to its bean
	 */
	public MessagingMessageListenerAdapter(InvocableHandlerMethod handlerMethod) {
		this.handlerMethod = handlerMethod;
	}

	@Override
	public void onMessage(Message<byte[]> message) {
		try {
			this.handlerMethod.invoke(message, NO_PROVIDED_ARGUMENTS);
		}
		catch (MessagingException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ListenerExecutionFailedException(this.handlerMethod.getShortLogMessage(), ex);
		}
	}

	/**
	 * Return the method this adapter calls.
	 * @return the handler method
	 */
	public InvocableHandlerMethod getHandlerMethod() {
		return this.handlerMethod;
	}

}
