package dev.mailslot.spring.config;

import java.lang.reflect.Method;

import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import dev.mailslot.spring.listener.MailslotMessageListener;
import dev.mailslot.spring.listener.adapter.MessagingMessageListenerAdapter;

/**
 * A listener endpoint that calls a method of a bean, with its arguments resolved by the
 * container factory's {@link MessageHandlerMethodFactory}, as {@code @MailslotListener} does.
 */
public class MethodMailslotListenerEndpoint extends AbstractMailslotListenerEndpoint {

	private final Object bean;

	private final Method method;

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

	@Override
	protected String defaultDescription() {
		return this.method.getDeclaringClass().getName() + "." + this.method.getName() + "()";
	}

	@Override
	public MailslotMessageListener createMessageListener(MessageHandlerMethodFactory messageHandlerMethodFactory) {
		return new MessagingMessageListenerAdapter(
				messageHandlerMethodFactory.createInvocableHandlerMethod(this.bean, this.method));
	}

}
