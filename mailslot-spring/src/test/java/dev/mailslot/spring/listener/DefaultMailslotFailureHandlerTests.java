package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultMailslotFailureHandler}: the retry policy's attempts and
 * back-off from the failure that already happened, then the error handler with the last
 * failure.
 */
class DefaultMailslotFailureHandlerTests {

	private final Message<byte[]> message = MessageBuilder.withPayload("m".getBytes()).build();

	private final List<String> handled = new ArrayList<>();

	private final MailslotErrorHandler errorHandler = (message, cause, attempts) -> this.handled
		.add(cause.getMessage() + " after " + attempts);

	@Test
	void retriesAsThePolicySaysThenGivesTheLastFailureToTheErrorHandler() {
		AtomicInteger calls = new AtomicInteger();
		List<Long> callTimes = new ArrayList<>();
		DefaultMailslotFailureHandler handler = new DefaultMailslotFailureHandler(
				RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(50)).build(), this.errorHandler);
		long start = System.nanoTime();
		boolean processed = handler.handleFailure(this.message, new IllegalStateException("first"), (message) -> {
			callTimes.add(System.nanoTime() - start);
			throw new IllegalStateException("retry " + calls.incrementAndGet());
		});
		assertThat(processed).isFalse();
		assertThat(calls).hasValue(2);
		assertThat(this.handled).containsExactly("retry 2 after 3");
		assertThat(callTimes.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
		assertThat(callTimes.get(1) - callTimes.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
	}

	@Test
	void aRetryThatSucceedsLeavesTheErrorHandlerAlone() {
		DefaultMailslotFailureHandler handler = new DefaultMailslotFailureHandler(
				RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).build(), this.errorHandler);
		assertThat(handler.handleFailure(this.message, new IllegalStateException("first"), (message) -> {
		})).isTrue();
		assertThat(this.handled).isEmpty();
	}

	@Test
	void aFailureThePolicyDoesNotRetryGoesToTheErrorHandlerAfterOneAttempt() {
		DefaultMailslotFailureHandler handler = new DefaultMailslotFailureHandler(RetryPolicy.builder()
			.maxRetries(5)
			.delay(Duration.ofMillis(1))
			.predicate(NonRetryableFailures::isRetryable)
			.build(), this.errorHandler);
		assertThat(handler.handleFailure(this.message, new MessageConversionException("not JSON"), (message) -> {
			throw new AssertionError("not retried");
		})).isFalse();
		assertThat(this.handled).containsExactly("not JSON after 1");
	}

	@Test
	void aMessageNeverDispatchedGoesToTheErrorHandlerWithNoAttempts() {
		DefaultMailslotFailureHandler handler = new DefaultMailslotFailureHandler(RetryPolicy.withMaxRetries(3),
				this.errorHandler);
		handler.handleUndispatched(this.message, new MessageNotDispatchedException(Duration.ofSeconds(10)));
		assertThat(this.handled)
			.containsExactly("Not dispatched before the listener's shutdown timeout of PT10S after 0");
	}

}
