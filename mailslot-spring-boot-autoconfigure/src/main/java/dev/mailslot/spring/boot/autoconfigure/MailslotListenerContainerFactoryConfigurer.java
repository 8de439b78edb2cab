package dev.mailslot.spring.boot.autoconfigure;

import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;
import dev.mailslot.spring.listener.NonRetryableFailures;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

/**
 * Applies {@code mailslot.listener.*} to a {@link MailslotListenerContainerFactory}, so that
 * applications can build more factories the way Boot builds the default one.
 */
public final class MailslotListenerContainerFactoryConfigurer {

	private final MailslotProperties.Listener properties;

	private final @Nullable Executor taskExecutor;

	private @Nullable MailslotErrorHandler errorHandler;

	private @Nullable ObservationRegistry observationRegistry;

	private @Nullable MailslotListenerObservationConvention observationConvention;

	MailslotListenerContainerFactoryConfigurer(MailslotProperties.Listener properties, @Nullable Executor taskExecutor) {
		this.properties = properties;
		this.taskExecutor = taskExecutor;
	}

	void setErrorHandler(@Nullable MailslotErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
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
		factory.setContainerOptions(containerOptions().build());
	}

	/**
	 * Return container options built from the listener properties, to adjust before building.
	 * @return a builder of the options Boot gives the default factory
	 */
	public MailslotListenerContainerOptions.Builder containerOptions() {
		MailslotListenerContainerOptions.Builder options = MailslotListenerContainerOptions.builder()
			.autoStartup(this.properties.isAutoStartup())
			.concurrency(this.properties.getConcurrency())
			.pollTimeout(this.properties.getPollTimeout())
			.shutdownTimeout(this.properties.getShutdownTimeout())
			.retryPolicy(retryPolicy(this.properties.getRetry()))
			.observationConvention(this.observationConvention);
		if (this.taskExecutor != null) {
			options.taskExecutor(this.taskExecutor);
		}
		if (this.errorHandler != null) {
			options.errorHandler(this.errorHandler);
		}
		if (this.observationRegistry != null) {
			options.observationRegistry(this.observationRegistry);
		}
		return options;
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
