package dev.mailslot.spring.boot.autoconfigure;

import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.listener.NonRetryableFailures;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

/**
 * Applies {@code mailslot.listener.*} to a {@link MailslotListenerContainerFactory}, so that
 * applications can build more factories the way Boot builds the default one.
 */
public final class MailslotListenerContainerFactoryConfigurer {

	private final MailslotProperties.Listener properties;

	private final @Nullable Executor taskExecutor;

	private @Nullable ObservationRegistry observationRegistry;

	private @Nullable MailslotListenerObservationConvention observationConvention;

	MailslotListenerContainerFactoryConfigurer(MailslotProperties.Listener properties, @Nullable Executor taskExecutor) {
		this.properties = properties;
		this.taskExecutor = taskExecutor;
	}

	void setObservationRegistry(@Nullable ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	void setObservationConvention(@Nullable MailslotListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Configure a factory with the listener properties.
	 * @param factory the factory
	 */
	public void configure(MailslotListenerContainerFactory factory) {
		factory.setAutoStartup(this.properties.isAutoStartup());
		factory.setConcurrency(this.properties.getConcurrency());
		factory.setPollTimeout(this.properties.getPollTimeout());
		factory.setShutdownTimeout(this.properties.getShutdownTimeout());
		factory.setRetryPolicy(retryPolicy(this.properties.getRetry()));
		if (this.taskExecutor != null) {
			factory.setTaskExecutor(this.taskExecutor);
		}
		if (this.observationRegistry != null) {
			factory.setObservationRegistry(this.observationRegistry);
		}
		factory.setObservationConvention(this.observationConvention);
	}

	static RetryPolicy retryPolicy(MailslotProperties.Retry retry) {
		return RetryPolicy.builder()
			.maxRetries(retry.getMaxRetries())
			.delay(retry.getDelay())
			.multiplier(retry.getMultiplier())
			.maxDelay(retry.getMaxDelay())
			.predicate(NonRetryableFailures::isRetryable)
			.build();
	}

}
