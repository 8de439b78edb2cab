package dev.mailslot.spring.config;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;

import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotBatchMessageListener;
import dev.mailslot.spring.listener.MailslotMessageListener;
import dev.mailslot.spring.listener.adapter.BatchMessagingMessageListenerAdapter;
import dev.mailslot.spring.listener.adapter.MailslotMessageHandlerMethodFactory;
import dev.mailslot.spring.listener.adapter.MailslotReplySender;
import dev.mailslot.spring.listener.adapter.MessagingMessageListenerAdapter;
import dev.mailslot.spring.listener.adapter.PerMessageReplyTargets;

/**
 * A listener endpoint that calls a method of a bean, with its arguments resolved by the
 * container factory's {@link MessageHandlerMethodFactory}, as {@code @MailslotListener}
 * does.
 */
public class MethodMailslotListenerEndpoint extends AbstractMailslotListenerEndpoint {

	private final Object bean;

	private final Method method;

	private @Nullable String replyDestination;

	private @Nullable MailslotTemplate replyTemplate;

	private @Nullable BeanFactory beanFactory;

	private @Nullable PerMessageReplyTargets perMessageReplyTargets;

	/**
	 * Create an endpoint.
	 * @param bean the bean that holds the method
	 * @param method the method to call
	 */
	public MethodMailslotListenerEndpoint(Object bean, Method method) {
		this.bean = bean;
		this.method = method;
	}

	public Object getBean() {
		return this.bean;
	}

	public Method getMethod() {
		return this.method;
	}

	/**
	 * Set where the method's return value is written as a reply, as {@code @SendTo} gives
	 * it: a server id or a mailslot name, which may hold {@code !{...}} expressions
	 * evaluated per message.
	 * @param replyDestination the destination, or {@code null} for no reply
	 */
	public void setReplyDestination(@Nullable String replyDestination) {
		this.replyDestination = replyDestination;
	}

	public @Nullable String getReplyDestination() {
		return this.replyDestination;
	}

	/**
	 * Set the template that writes replies; the container factory sets its own if this is
	 * not set.
	 * @param replyTemplate the template
	 */
	public void setReplyTemplate(@Nullable MailslotTemplate replyTemplate) {
		this.replyTemplate = replyTemplate;
	}

	public @Nullable MailslotTemplate getReplyTemplate() {
		return this.replyTemplate;
	}

	/**
	 * Set the bean factory that {@code @beanName} in a reply expression refers to.
	 * @param beanFactory the bean factory
	 */
	public void setBeanFactory(@Nullable BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Set which mailslots a reply target computed per message ({@code !{...}}) may name;
	 * the container factory sets its own if this is not set, and without either only
	 * mailslots on this host.
	 * @param perMessageReplyTargets the targets
	 */
	public void setPerMessageReplyTargets(@Nullable PerMessageReplyTargets perMessageReplyTargets) {
		this.perMessageReplyTargets = perMessageReplyTargets;
	}

	public @Nullable PerMessageReplyTargets getPerMessageReplyTargets() {
		return this.perMessageReplyTargets;
	}

	@Override
	protected String defaultDescription() {
		return this.method.getDeclaringClass().getName() + "." + this.method.getName() + "()";
	}

	@Override
	public MailslotMessageListener createMessageListener(MessageHandlerMethodFactory messageHandlerMethodFactory) {
		MessagingMessageListenerAdapter adapter = new MessagingMessageListenerAdapter(
				messageHandlerMethodFactory.createInvocableHandlerMethod(this.bean, this.method));
		String destination = this.replyDestination;
		if (destination != null) {
			Assert.state(this.method.getReturnType() != void.class, () -> describe() + " has @SendTo(\"" + destination
					+ "\") but returns nothing to send; return the reply's payload, or remove @SendTo");
			MailslotTemplate template = this.replyTemplate;
			Assert.state(template != null, () -> describe() + " has @SendTo(\"" + destination + "\") but no "
					+ "MailslotTemplate to send replies with; define one (the auto-configuration does), or set it on "
					+ "the container factory (setReplyTemplate)");
			PerMessageReplyTargets targets = this.perMessageReplyTargets;
			adapter.setReplySender(new MailslotReplySender(template, destination, this.beanFactory,
					(targets != null) ? targets : PerMessageReplyTargets.localOnly(), describe()));
		}
		return adapter;
	}

	/**
	 * Create an adapter that calls the method with a batch, converting and validating
	 * payloads with the factory's converter and validator when it is a
	 * {@link MailslotMessageHandlerMethodFactory}.
	 * @throws IllegalStateException if the method has {@code @SendTo}, since replies are
	 * written for single messages, or no {@code List} parameter for the batch
	 */
	@Override
	public MailslotBatchMessageListener createBatchMessageListener(
			MessageHandlerMethodFactory messageHandlerMethodFactory) {
		String destination = this.replyDestination;
		Assert.state(destination == null, () -> describe() + " takes batches and has @SendTo(\"" + destination
				+ "\"), but replies are written for single messages; remove @SendTo, or take single messages");
		InvocableHandlerMethod handlerMethod = messageHandlerMethodFactory.createInvocableHandlerMethod(this.bean,
				this.method);
		if (messageHandlerMethodFactory instanceof MailslotMessageHandlerMethodFactory mailslotFactory) {
			return new BatchMessagingMessageListenerAdapter(handlerMethod, mailslotFactory.getMessageConverter(),
					mailslotFactory.getValidator());
		}
		return new BatchMessagingMessageListenerAdapter(handlerMethod, null);
	}

}
