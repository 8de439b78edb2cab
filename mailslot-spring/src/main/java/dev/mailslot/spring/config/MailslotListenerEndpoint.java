package dev.mailslot.spring.config;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import dev.mailslot.spring.listener.MailslotBatchMessageListener;
import dev.mailslot.spring.listener.MailslotMessageListener;

/**
 * What a listener container is made for: a listener, the mailslot it reads, and what it
 * overrides of its factory's options.
 *
 * @see MethodMailslotListenerEndpoint
 * @see SimpleMailslotListenerEndpoint
 * @see MailslotListenerConfigurer
 */
public interface MailslotListenerEndpoint {

	/**
	 * Return the listener id, for the registry and the actuator endpoint.
	 * @return the id
	 */
	String getId();

	/**
	 * Return the configured server id or the mailslot name to listen to.
	 * @return the mailslot
	 */
	String getMailslot();

	/**
	 * Return whether to start with the application.
	 * @return whether to start, or {@code null} for the factory's default
	 */
	@Nullable Boolean getAutoStartup();

	/**
	 * Return how many messages to process at once.
	 * @return the concurrency, or {@code null} for the factory's default
	 */
	@Nullable Integer getConcurrency();

	/**
	 * Return whether the listener takes messages in batches.
	 * @return whether it takes batches, or {@code null} for the factory's default
	 */
	@Nullable Boolean getBatchListener();

	/**
	 * Return the name of the {@link dev.mailslot.spring.listener.MailslotErrorHandler}
	 * bean for messages this listener fails to process.
	 * @return the bean name, or {@code null} for the factory's error handler
	 */
	@Nullable String getErrorHandler();

	/**
	 * Return the container options the listener sets for itself: batch size and wait,
	 * shutdown timeout and retries.
	 * @return the overrides, empty by default
	 */
	default ContainerOptionOverrides getOptionOverrides() {
		return new ContainerOptionOverrides();
	}

	/**
	 * Describe the listener for messages about it, such as
	 * {@code @MailslotListener on com.example.OrderListener.onOrder()}.
	 * @return the description
	 */
	String describe();

	/**
	 * Create the listener a container calls.
	 * @param messageHandlerMethodFactory what resolves the arguments of a listener method
	 * @return the listener
	 */
	MailslotMessageListener createMessageListener(MessageHandlerMethodFactory messageHandlerMethodFactory);

	/**
	 * Create the batch listener a container calls, for an endpoint that takes batches.
	 * @param messageHandlerMethodFactory what resolves the arguments of a listener method
	 * @return the batch listener
	 * @throws IllegalStateException if the endpoint cannot take batches
	 */
	default MailslotBatchMessageListener createBatchMessageListener(
			MessageHandlerMethodFactory messageHandlerMethodFactory) {
		throw new IllegalStateException(describe() + " cannot take messages in batches; make it take single messages");
	}

}
