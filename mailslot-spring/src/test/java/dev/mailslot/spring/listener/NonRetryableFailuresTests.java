package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.MessageConversionException;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(CompletableFuture.supplyAsync(() -> NonRetryableFailures.isRetryable(first)))
			.succeedsWithin(Duration.ofSeconds(10))
			.isEqualTo(true);
	}

}
