package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.Assert;

import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.support.observation.DefaultMailslotListenerObservationConvention;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

/**
 * How a {@link MailslotListenerContainer} reads, dispatches, retries and stops:
 * immutable, built with {@link #builder()}, and the one place where each default is
 * decided. A {@link dev.mailslot.spring.config.MailslotListenerContainerFactory} holds
 * one for all the containers it creates.
 */
public final class MailslotListenerContainerOptions {

	/**
	 * How many messages are processed at once by default: one, in the order they were
	 * written.
	 */
	public static final int DEFAULT_CONCURRENCY = 1;

	/**
	 * How long the reader waits for a message by default before it looks at pause and
	 * stop again.
	 */
	public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * How long a stop waits by default for what is in flight, and a shutdown for the
	 * drain.
	 */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	/** How many messages a batch listener gets at most by default. */
	public static final int DEFAULT_MAX_BATCH_SIZE = 100;

	/**
	 * How long a batch waits for more messages by default: not at all, it takes what is
	 * waiting.
	 */
	public static final Duration DEFAULT_MAX_BATCH_WAIT = Duration.ZERO;

	private static final Log logger = LogFactory.getLog(MailslotListenerContainer.class);

	private static final MailslotErrorHandler LOGGING_ERROR_HANDLER = (message, cause, attempts) -> logger.error(
			"Message from " + message.getHeaders().get(MailslotHeaders.MAILSLOT) + " failed after " + attempts
					+ " attempt(s) and no error handler keeps it" + ((attempts == 0) ? ": " + cause.getMessage() : ""),
			(attempts == 0) ? null : cause);

	private static final MailslotListenerContainerOptions DEFAULTS = new Builder().build();

	private final int concurrency;

	private final Duration pollTimeout;

	private final Duration shutdownTimeout;

	private final boolean autoStartup;

	private final int maxBatchSize;

	private final Duration maxBatchWait;

	private final Executor taskExecutor;

	private final MailslotErrorHandler errorHandler;

	private final RetryPolicy retryPolicy;

	private final @Nullable MailslotFailureHandler failureHandler;

	private final ObservationRegistry observationRegistry;

	private final @Nullable MailslotListenerObservationConvention observationConvention;

	private final @Nullable Duration idleEventInterval;

	private MailslotListenerContainerOptions(Builder builder) {
		this.idleEventInterval = builder.idleEventInterval;
		this.concurrency = builder.concurrency;
		this.pollTimeout = builder.pollTimeout;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.autoStartup = builder.autoStartup;
		this.maxBatchSize = builder.maxBatchSize;
		this.maxBatchWait = builder.maxBatchWait;
		this.taskExecutor = builder.taskExecutor;
		this.errorHandler = builder.errorHandler;
		this.retryPolicy = builder.retryPolicy;
		this.failureHandler = builder.failureHandler;
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
	}

	/**
	 * Return the options with every default.
	 * @return the default options
	 */
	public static MailslotListenerContainerOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Start building options from the defaults.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start building options from these.
	 * @return a builder holding these options
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Return how many messages are processed at once: with 1 the reader calls the
	 * listener itself, in order; with more, as many dispatchers take messages from the
	 * reader.
	 * @return the concurrency
	 */
	public int concurrency() {
		return this.concurrency;
	}

	/**
	 * Return how long the reader waits for a message at a time; a pause or stop wakes it
	 * at once.
	 * @return the poll timeout
	 */
	public Duration pollTimeout() {
		return this.pollTimeout;
	}

	/**
	 * Return how long a stop waits for the messages in flight, and a shutdown for the
	 * drain; what the drain took and could not dispatch then goes to the error handler,
	 * and what it did not take stays in the mailslot for its close to count.
	 * @return the shutdown timeout
	 */
	public Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * Return whether containers start with the application.
	 * @return whether to start automatically
	 */
	public boolean autoStartup() {
		return this.autoStartup;
	}

	/**
	 * Return how many messages a batch listener gets at most in one call.
	 * @return the largest batch
	 */
	public int maxBatchSize() {
		return this.maxBatchSize;
	}

	/**
	 * Return how long, after a batch's first message, the reader waits for more before
	 * the batch goes to the listener; with zero it takes only the messages already
	 * waiting.
	 * @return the longest wait to fill a batch
	 */
	public Duration maxBatchWait() {
		return this.maxBatchWait;
	}

	/**
	 * Return what runs the dispatchers when the concurrency is above 1.
	 * @return the task executor
	 */
	public Executor taskExecutor() {
		return this.taskExecutor;
	}

	/**
	 * Return what takes the messages that were not processed: by default, it logs them.
	 * @return the error handler
	 */
	public MailslotErrorHandler errorHandler() {
		return this.errorHandler;
	}

	/**
	 * Return how a failed message is retried before it goes to the error handler: by
	 * default, not at all.
	 * @return the retry policy
	 */
	public RetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	/**
	 * Return what decides about a message whose listener failed: the one set, or else a
	 * {@link DefaultMailslotFailureHandler} of the {@link #retryPolicy() retry policy}
	 * and the {@link #errorHandler() error handler}.
	 * @return the failure handler
	 */
	public MailslotFailureHandler failureHandler() {
		return (this.failureHandler != null) ? this.failureHandler
				: new DefaultMailslotFailureHandler(this.retryPolicy, this.errorHandler);
	}

	/**
	 * Return whether a failure handler of its own was set, which the
	 * {@link #retryPolicy() retry policy} does not reach.
	 * @return whether {@link Builder#failureHandler} was given one
	 */
	public boolean hasFailureHandler() {
		return this.failureHandler != null;
	}

	/**
	 * Return the registry of the {@code mailslot.listener} observation made around each
	 * dispatch.
	 * @return the observation registry
	 */
	public ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	/**
	 * Return the observation convention to use instead of
	 * {@link DefaultMailslotListenerObservationConvention}, if any.
	 * @return the convention, or {@code null}
	 */
	public @Nullable MailslotListenerObservationConvention observationConvention() {
		return this.observationConvention;
	}

	/**
	 * Return after how long without a message a running container publishes an idle
	 * event, and again each time as long, when it has an event publisher.
	 * @return the interval, or {@code null} for no idle events (the default)
	 */
	public @Nullable Duration idleEventInterval() {
		return this.idleEventInterval;
	}

	/**
	 * Builds {@link MailslotListenerContainerOptions}.
	 */
	public static final class Builder {

		private int concurrency = DEFAULT_CONCURRENCY;

		private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;

		private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

		private boolean autoStartup = true;

		private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;

		private Duration maxBatchWait = DEFAULT_MAX_BATCH_WAIT;

		private Executor taskExecutor = new SimpleAsyncTaskExecutor("mailslot-dispatch-");

		private MailslotErrorHandler errorHandler = LOGGING_ERROR_HANDLER;

		private RetryPolicy retryPolicy = RetryPolicy.withMaxRetries(0);

		private @Nullable MailslotFailureHandler failureHandler;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable MailslotListenerObservationConvention observationConvention;

		private @Nullable Duration idleEventInterval;

		private Builder() {
		}

		private Builder(MailslotListenerContainerOptions options) {
			this.idleEventInterval = options.idleEventInterval;
			this.concurrency = options.concurrency;
			this.pollTimeout = options.pollTimeout;
			this.shutdownTimeout = options.shutdownTimeout;
			this.autoStartup = options.autoStartup;
			this.maxBatchSize = options.maxBatchSize;
			this.maxBatchWait = options.maxBatchWait;
			this.taskExecutor = options.taskExecutor;
			this.errorHandler = options.errorHandler;
			this.retryPolicy = options.retryPolicy;
			this.failureHandler = options.failureHandler;
			this.observationRegistry = options.observationRegistry;
			this.observationConvention = options.observationConvention;
		}

		public Builder concurrency(int concurrency) {
			Assert.isTrue(concurrency > 0, () -> "The listener concurrency must be at least 1, not " + concurrency);
			this.concurrency = concurrency;
			return this;
		}

		public Builder pollTimeout(Duration pollTimeout) {
			Assert.isTrue(!pollTimeout.isNegative() && !pollTimeout.isZero(),
					() -> "The listener poll timeout must be positive, not " + pollTimeout);
			this.pollTimeout = pollTimeout;
			return this;
		}

		public Builder shutdownTimeout(Duration shutdownTimeout) {
			Assert.isTrue(!shutdownTimeout.isNegative(),
					() -> "The listener shutdown timeout must not be negative, not " + shutdownTimeout);
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		public Builder autoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
			return this;
		}

		public Builder maxBatchSize(int maxBatchSize) {
			Assert.isTrue(maxBatchSize > 0,
					() -> "The largest batch must hold at least 1 message, not " + maxBatchSize);
			this.maxBatchSize = maxBatchSize;
			return this;
		}

		public Builder maxBatchWait(Duration maxBatchWait) {
			Assert.isTrue(!maxBatchWait.isNegative(),
					() -> "The longest wait to fill a batch must not be negative, not " + maxBatchWait);
			Assert.isTrue(maxBatchWait.compareTo(ReadTimeout.MAX_FINITE) <= 0,
					() -> "The longest wait to fill a batch, " + maxBatchWait + ", is longer than the "
							+ ReadTimeout.MAX_FINITE + " a read can wait");
			this.maxBatchWait = maxBatchWait;
			return this;
		}

		public Builder taskExecutor(Executor taskExecutor) {
			this.taskExecutor = taskExecutor;
			return this;
		}

		public Builder errorHandler(MailslotErrorHandler errorHandler) {
			this.errorHandler = errorHandler;
			return this;
		}

		public Builder retryPolicy(RetryPolicy retryPolicy) {
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * Decide about failed messages with this handler instead of the default one made
		 * of the retry policy and the error handler.
		 * @param failureHandler the failure handler, or {@code null} for the default
		 * @return this builder
		 */
		public Builder failureHandler(@Nullable MailslotFailureHandler failureHandler) {
			this.failureHandler = failureHandler;
			return this;
		}

		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		public Builder observationConvention(@Nullable MailslotListenerObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Publish an idle event after this long without a message, and again each time as
		 * long.
		 * @param idleEventInterval a positive interval, or {@code null} for no idle
		 * events
		 * @return this builder
		 */
		public Builder idleEventInterval(@Nullable Duration idleEventInterval) {
			Assert.isTrue(idleEventInterval == null || (!idleEventInterval.isNegative() && !idleEventInterval.isZero()),
					() -> "The idle event interval must be positive, not " + idleEventInterval);
			this.idleEventInterval = idleEventInterval;
			return this;
		}

		public MailslotListenerContainerOptions build() {
			return new MailslotListenerContainerOptions(this);
		}

	}

}
