package dev.mailslot.spring.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import dev.mailslot.spring.listener.DefaultMailslotFailureHandler;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ContainerOptionOverrides}: what a listener sets over its factory's
 * options.
 */
class ContainerOptionOverridesTests {

	@Test
	void nothingSetLeavesTheFactorysOptions() {
		assertThat(new ContainerOptionOverrides().isEmpty()).isTrue();
	}

	@Test
	void retriesOverAFactoryWithAFailureHandlerOfItsOwnAreRefused() {
		MailslotListenerContainerOptions factory = MailslotListenerContainerOptions.builder()
			.failureHandler(
					new DefaultMailslotFailureHandler(RetryPolicy.withMaxRetries(0), (message, cause, attempts) -> {
					}))
			.build();
		ContainerOptionOverrides overrides = new ContainerOptionOverrides();
		overrides.getRetry().setMaxRetries(3L);
		assertThatIllegalStateException()
			.isThrownBy(() -> overrides.applyTo(factory, factory.toBuilder(), "listener x"))
			.withMessageStartingWith("listener x sets its own retries")
			.withMessageContaining("MailslotFailureHandler");
	}

	@Test
	void aFixedBackOffTakesTheListenersAttemptsAndDelay() {
		RetryPolicy policy = RetryPolicy.builder().backOff(new FixedBackOff(100, 5)).build();
		RetryOverrides retry = new RetryOverrides();
		retry.setMaxRetries(1L);
		retry.setDelay(Duration.ofMillis(300));
		ExponentialBackOff backOff = (ExponentialBackOff) retry.applyTo(policy, "listener x").getBackOff();
		assertThat(backOff.getMaxAttempts()).isEqualTo(1);
		assertThat(backOff.getInitialInterval()).isEqualTo(300);
		assertThat(backOff.getMultiplier()).isEqualTo(1.0);
	}

	@Test
	void anOtherBackOffIsRefusedNamingIt() {
		RetryPolicy policy = RetryPolicy.builder().backOff(() -> () -> 0).build();
		RetryOverrides retry = new RetryOverrides();
		retry.setDelay(Duration.ofMillis(300));
		assertThatIllegalStateException().isThrownBy(() -> retry.applyTo(policy, "listener x"))
			.withMessageContaining("listener x sets its own retries")
			.withMessageContaining("a container factory of its own");
	}

}
