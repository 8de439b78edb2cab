package dev.mailslot.spring.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.mailslot.spring.listener.MailslotListenerContainerOptions;

/**
 * The container options one listener sets for itself, over its container factory's: batch
 * size and wait, shutdown timeout, idle event interval, and retries. Each is {@code null}
 * until set, and then the factory's option applies.
 */
public class ContainerOptionOverrides {

	private @Nullable Integer maxBatchSize;

	private @Nullable Duration maxBatchWait;

	private @Nullable Duration shutdownTimeout;

	private @Nullable Duration idleEventInterval;

	private final RetryOverrides retry = new RetryOverrides();

	public @Nullable Duration getIdleEventInterval() {
		return this.idleEventInterval;
	}

	/**
	 * Set after how long without a message the container publishes an idle event.
	 * @param idleEventInterval a positive interval, or {@code null} for the factory's
	 */
	public void setIdleEventInterval(@Nullable Duration idleEventInterval) {
		this.idleEventInterval = idleEventInterval;
	}

	public @Nullable Integer getMaxBatchSize() {
		return this.maxBatchSize;
	}

	/**
	 * Set the most messages the listener gets in one batch.
	 * @param maxBatchSize at least 1, or {@code null} for the factory's
	 */
	public void setMaxBatchSize(@Nullable Integer maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
	}

	public @Nullable Duration getMaxBatchWait() {
		return this.maxBatchWait;
	}

	/**
	 * Set how long, after a batch's first message, the reader waits for more.
	 * @param maxBatchWait the wait, or {@code null} for the factory's
	 */
	public void setMaxBatchWait(@Nullable Duration maxBatchWait) {
		this.maxBatchWait = maxBatchWait;
	}

	public @Nullable Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * Set how long a stop waits for what is in flight, and a shutdown for the drain.
	 * @param shutdownTimeout the timeout, or {@code null} for the factory's
	 */
	public void setShutdownTimeout(@Nullable Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Return the retry settings the listener sets for itself.
	 * @return the retry overrides
	 */
	public RetryOverrides getRetry() {
		return this.retry;
	}

	/**
	 * Return whether any option is set.
	 * @return whether the factory's options need changing
	 */
	public boolean isEmpty() {
		return this.maxBatchSize == null && this.maxBatchWait == null && this.shutdownTimeout == null
				&& this.idleEventInterval == null && this.retry.isEmpty();
	}

	/**
	 * Set the options held here on a builder of the factory's options.
	 * @param factoryOptions the factory's options
	 * @param options a builder of them
	 * @param listener the listener, named in errors
	 * @throws IllegalStateException naming the listener if an option is refused
	 */
	void applyTo(MailslotListenerContainerOptions factoryOptions, MailslotListenerContainerOptions.Builder options,
			String listener) {
		try {
			if (this.maxBatchSize != null) {
				options.maxBatchSize(this.maxBatchSize);
			}
			if (this.maxBatchWait != null) {
				options.maxBatchWait(this.maxBatchWait);
			}
			if (this.shutdownTimeout != null) {
				options.shutdownTimeout(this.shutdownTimeout);
			}
			if (this.idleEventInterval != null) {
				options.idleEventInterval(this.idleEventInterval);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(listener + ": " + ex.getMessage(), ex);
		}
		if (!this.retry.isEmpty()) {
			if (factoryOptions.hasFailureHandler()) {
				throw new IllegalStateException(listener + " sets its own retries, but its container factory decides "
						+ "about failures with its own MailslotFailureHandler, which the retry settings do not reach; "
						+ "give the listener a container factory of its own, or remove the retry settings");
			}
			options.retryPolicy(this.retry.applyTo(factoryOptions.retryPolicy(), listener));
		}
	}

}
