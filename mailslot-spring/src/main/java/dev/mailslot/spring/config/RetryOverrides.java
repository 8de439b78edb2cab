package dev.mailslot.spring.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The retry settings one listener sets for itself: how many retries, the first delay, its
 * multiplier and the longest delay. What is not set comes from the container factory's
 * retry policy, whose predicate (which failures are retried) always applies.
 */
public class RetryOverrides {

	private @Nullable Long maxRetries;

	private @Nullable Duration delay;

	private @Nullable Double multiplier;

	private @Nullable Duration maxDelay;

	public @Nullable Long getMaxRetries() {
		return this.maxRetries;
	}

	/**
	 * Set how many times to call the listener again after it threw.
	 * @param maxRetries at least 0, or {@code null} for the factory's
	 */
	public void setMaxRetries(@Nullable Long maxRetries) {
		this.maxRetries = maxRetries;
	}

	public @Nullable Duration getDelay() {
		return this.delay;
	}

	public void setDelay(@Nullable Duration delay) {
		this.delay = delay;
	}

	public @Nullable Double getMultiplier() {
		return this.multiplier;
	}

	public void setMultiplier(@Nullable Double multiplier) {
		this.multiplier = multiplier;
	}

	public @Nullable Duration getMaxDelay() {
		return this.maxDelay;
	}

	public void setMaxDelay(@Nullable Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

	/**
	 * Return whether any retry setting is set.
	 * @return whether the factory's retry policy needs changing
	 */
	public boolean isEmpty() {
		return this.maxRetries == null && this.delay == null && this.multiplier == null && this.maxDelay == null;
	}

	/**
	 * Return the factory's retry policy with these settings over its back-off.
	 * @param factoryPolicy the container factory's retry policy
	 * @param listener the listener, named in errors
	 * @return the listener's retry policy
	 * @throws IllegalStateException naming the listener if the settings cannot apply
	 */
	RetryPolicy applyTo(RetryPolicy factoryPolicy, String listener) {
		ExponentialBackOff backOff = exponential(factoryPolicy.getBackOff(), listener);
		if (this.maxRetries != null) {
			backOff.setMaxAttempts(this.maxRetries);
		}
		if (this.delay != null) {
			backOff.setInitialInterval(this.delay.toMillis());
		}
		if (this.multiplier != null) {
			backOff.setMultiplier(this.multiplier);
		}
		if (this.maxDelay != null) {
			backOff.setMaxInterval(this.maxDelay.toMillis());
		}
		if (backOff.getInitialInterval() > backOff.getMaxInterval()) {
			throw new IllegalStateException(listener + " has a retry delay of " + backOff.getInitialInterval()
					+ " ms, longer than its longest delay of " + backOff.getMaxInterval() + " ms; give a retryDelay no "
					+ "longer than the longest retry delay, or a longer retryMaxDelay");
		}
		RetryPolicy.Builder policy = RetryPolicy.builder().predicate(factoryPolicy::shouldRetry).backOff(backOff);
		Duration timeout = factoryPolicy.getTimeout();
		if (timeout != null && !timeout.isZero()) {
			policy.timeout(timeout);
		}
		return policy.build();
	}

	private ExponentialBackOff exponential(BackOff factoryBackOff, String listener) {
		ExponentialBackOff backOff = new ExponentialBackOff();
		if (factoryBackOff instanceof ExponentialBackOff exponential) {
			backOff.setInitialInterval(exponential.getInitialInterval());
			backOff.setMultiplier(exponential.getMultiplier());
			backOff.setMaxInterval(exponential.getMaxInterval());
			backOff.setMaxAttempts(exponential.getMaxAttempts());
			backOff.setJitter(exponential.getJitter());
			backOff.setMaxElapsedTime(exponential.getMaxElapsedTime());
			return backOff;
		}
		if (factoryBackOff instanceof FixedBackOff fixed) {
			backOff.setInitialInterval(fixed.getInterval());
			backOff.setMultiplier(1.0);
			backOff.setMaxInterval((this.maxDelay != null) ? this.maxDelay.toMillis()
					: Math.max(fixed.getInterval(), (this.delay != null) ? this.delay.toMillis() : 0));
			backOff.setMaxAttempts(fixed.getMaxAttempts());
			return backOff;
		}
		throw new IllegalStateException(listener + " sets its own retries, but its container factory's retry policy "
				+ "backs off with a " + factoryBackOff.getClass().getName() + ", which they cannot adjust; give the "
				+ "listener a container factory of its own with the retry policy it needs");
	}

}
