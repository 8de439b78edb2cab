package dev.mailslot.spring.listener.adapter;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

import dev.mailslot.spring.listener.MailslotMessageListener;

/**
 * Calls a listener method, resolving its arguments from the message with
 * spring-messaging's handler-method machinery (converters, {@code @Payload},
 * {@code @Header}, {@code @Valid}).
 */
public class MessagingMessageListenerAdapter implements MailslotMessageListener {

	/**
	 * No arguments besides those resolved from the message; one array, not one per call.
	 */
	private static final Object[] NO_PROVIDED_ARGUMENTS = {};

	private final InvocableHandlerMethod handlerMethod;

	private @Nullable MailslotReplySender replySender;

	/**
	 * Create an adapter for the given method.
	 * @param handlerMethod the method, bound to its bean
	 */
	public MessagingMessageListenerAdapter(InvocableHandlerMethod handlerMethod) {
		this.handlerMethod = handlerMethod;
	}

	/**
	 * Set what writes the method's return value as a reply ({@code @SendTo}); without
	 * one, the return value is ignored.
	 * @param replySender the reply sender, or {@code null}
	 */
	public void setReplySender(@Nullable MailslotReplySender replySender) {
		this.replySender = replySender;
	}

	/**
	 * Call the method; then, if it returned a value and replies are configured, write the
	 * value as a reply. A reply that fails fails the message, as the method failing
	 * would.
	 */
	@Override
	public void onMessage(Message<byte[]> message) {
		Object result;
		try {
			result = this.handlerMethod.invoke(message, NO_PROVIDED_ARGUMENTS);
		}
		catch (MessagingException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ListenerExecutionFailedException(this.handlerMethod.getShortLogMessage(), ex);
		}
		MailslotReplySender replies = this.replySender;
		if (result != null && replies != null) {
			try {
				replies.send(message, result);
			}
			catch (RuntimeException ex) {
				throw new ReplyFailedException(this.handlerMethod.getShortLogMessage(), replies.getDestination(), ex);
			}
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
