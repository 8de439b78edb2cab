package dev.mailslot.spring.config;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * A listener method and what its annotation asked for, with placeholders and expressions already
 * resolved.
 *
 * @param id the listener id
 * @param mailslot a configured server id or a mailslot name
 * @param bean the bean that holds the method
 * @param method the method to call
 * @param autoStartup whether to start with the application, or {@code null} for the default
 * @param concurrency how many messages to process at once, or {@code null} for the default
 * @param errorHandler the name of a {@link dev.mailslot.spring.listener.MailslotErrorHandler} bean,
 * or {@code null} for the default
 */
public record MailslotListenerEndpoint(String id, String mailslot, Object bean, Method method,
		@Nullable Boolean autoStartup, @Nullable Integer concurrency, @Nullable String errorHandler) {

	/**
	 * Describe the method, as {@code Class.method()}.
	 * @return the description
	 */
	public String describeMethod() {
		return this.method.getDeclaringClass().getName() + "." + this.method.getName() + "()";
	}

}
