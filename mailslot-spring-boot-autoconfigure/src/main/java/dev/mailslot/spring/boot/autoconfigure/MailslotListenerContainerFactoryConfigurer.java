package dev.mailslot.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.retry.RetryPolicy;

import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;
import dev.mailslot.spring.listener.NonRetryableFailures;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

/**
 * Applies {@code mailslot.listener.*} to a {@link MailslotListenerContainerFactory}, so
 * that applications can build more factories the way Boot builds the default one.
 */
public final class MailslotListenerContainerFactoryConfigurer {

	private final MailslotProperties.Listener properties;

	private final @Nullable Executor taskExecutor;

	private @Nullable MailslotErrorHandler errorHandler;

	private @Nullable ObservationRegistry observationRegistry;

	private @Nullable MailslotListenerObservationConvention observationConvention;

	MailslotListenerContainerFactoryConfigurer(MailslotProperties.Listener properties,
			@Nullable Executor taskExecutor) {
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
		factory.setBatchListener(this.properties.getType() == MailslotProperties.Type.BATCH);
	}

	/**
	 * Return container options built from the listener properties, to adjust before
	 * building.
	 * @return a builder of the options Boot gives the default factory
	 */
	public MailslotListenerContainerOptions.Builder containerOptions() {
		MailslotListenerContainerOptions.Builder options = MailslotListenerContainerOptions.builder()
			.autoStartup(this.properties.isAutoStartup())
			.concurrency(this.properties.getConcurrency())
			.pollTimeout(this.properties.getPollTimeout())
			.shutdownTimeout(this.properties.getShutdownTimeout())
			.maxBatchSize(maxBatchSize(this.properties.getBatch()))
			.maxBatchWait(maxBatchWait(this.properties.getBatch()))
			.retryPolicy(retryPolicy(this.properties.getRetry()))
			.idleEventInterval(idleEventInterval(this.properties.getIdleEventInterval()))
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

	private static int maxBatchSize(MailslotProperties.Batch batch) {
		if (batch.getMaxSize() < 1) {
			throw new InvalidConfigurationPropertyValueException("mailslot.listener.batch.max-size", batch.getMaxSize(),
					"A batch holds at least 1 message; give 1 or more");
		}
		return batch.getMaxSize();
	}

	private static Duration maxBatchWait(MailslotProperties.Batch batch) {
		Duration wait = batch.getMaxWait();
		if (wait.isNegative() || wait.compareTo(ReadTimeout.MAX_FINITE) > 0) {
			throw new InvalidConfigurationPropertyValueException("mailslot.listener.batch.max-wait", wait,
					"Give 0, to take only the messages already waiting, or a duration up to " + ReadTimeout.MAX_FINITE);
		}
		return wait;
	}

	private static @Nullable Duration idleEventInterval(@Nullable Duration interval) {
		if (interval != null && (interval.isNegative() || interval.isZero())) {
			throw new InvalidConfigurationPropertyValueException("mailslot.listener.idle-event-interval", interval,
					"Give a duration of more than 0, such as 30s, or leave it unset for no idle events");
		}
		return interval;
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
