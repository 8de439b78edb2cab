package dev.mailslot.spring.listener;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.converter.MessageConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link NonRetryableFailures}.
 */
class NonRetryableFailuresTests {

	@Test
	void aConversionFailureAmongTheCausesIsNotRetryable() {
		RuntimeException failure = new IllegalStateException("outer",
				new IllegalArgumentException("middle", new MessageConversionException("not JSON")));
		assertThat(NonRetryableFailures.isRetryable(failure)).isFalse();
		assertThat(NonRetryableFailures.isRetryable(new IllegalStateException("down"))).isTrue();
	}

	@Test
	void causesThatLoopEndTheLookInsteadOfHangingTheListener() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalStateException second = new IllegalStateException("second", first);
		first.initCause(second);
		boolean retryable = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> NonRetryableFailures.isRetryable(first));
		assertThat(retryable).isTrue();
	}

}
