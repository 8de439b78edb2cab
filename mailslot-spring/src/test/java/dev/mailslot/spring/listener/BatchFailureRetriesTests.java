package dev.mailslot.spring.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.spring.listener.adapter.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BatchFailureRetries}, on the calling thread: a scripted listener says
 * what each call does, and each test checks the calls, what the error handler took and
 * how many messages were given up.
 */
class BatchFailureRetriesTests {

	private final List<Message<byte[]>> batch = messages("m0", "m1", "m2", "m3");

	/** Each call of the listener, with the texts of its batch. */
	private final List<List<String>> calls = new ArrayList<>();

	/**
	 * Each message the error handler took: its text, the cause's message and the
	 * attempts.
	 */
	private final List<String> handled = new ArrayList<>();

	private final MailslotErrorHandler errorHandler = (message, cause, attempts) -> this.handled
		.add(text(message) + ": " + cause.getMessage() + " after " + attempts);

	private BatchFailureRetries retries(int maxRetries) {
		return new BatchFailureRetries(new RetryTemplate(RetryPolicy.builder()
			.maxRetries(maxRetries)
			.delay(Duration.ofMillis(1))
			.predicate(NonRetryableFailures::isRetryable)
			.build()), this.errorHandler);
	}

	/**
	 * A listener that records each call and does what the next step of the script says: a
	 * step returns the exception to throw for the batch it is given, or {@code null} to
	 * process it.
	 */
	@SafeVarargs
	private MailslotBatchMessageListener scripted(Function<List<Message<byte[]>>, RuntimeException>... steps) {
		Deque<Function<List<Message<byte[]>>, RuntimeException>> script = new ArrayDeque<>(Arrays.asList(steps));
		return (messages) -> {
			this.calls.add(messages.stream().map(BatchFailureRetriesTests::text).toList());
			assertThat(script).as("more calls than scripted").isNotEmpty();
			RuntimeException failure = script.removeFirst().apply(messages);
			if (failure != null) {
				throw failure;
			}
		};
	}

	private static Function<List<Message<byte[]>>, RuntimeException> succeed() {
		return (messages) -> null;
	}

	private static Function<List<Message<byte[]>>, RuntimeException> fail(String cause) {
		return (messages) -> new IllegalStateException(cause);
	}

	private static Function<List<Message<byte[]>>, RuntimeException> failAt(int index, String cause) {
		return (messages) -> named(index, cause);
	}

	private static BatchListenerFailedException named(int index, String cause) {
		return new BatchListenerFailedException("failed at " + index, new IllegalStateException(cause), index);
	}

	@Test
	void aRetryThatProcessesTheWholeBatchGivesNothingUp() {
		MailslotBatchMessageListener listener = scripted(succeed());
		int givenUp = retries(2).handle(this.batch, new IllegalStateException("first"), listener);
		assertThat(givenUp).isZero();
		assertThat(this.calls).containsExactly(List.of("m0", "m1", "m2", "m3"));
		assertThat(this.handled).isEmpty();
	}

	@Test
	void aFailureThatNamesNoMessageRetriesTheBatchThenHandsEachMessageToTheErrorHandler() {
		MailslotBatchMessageListener listener = scripted(fail("retry 1"), fail("retry 2"));
		int givenUp = retries(2).handle(this.batch, new IllegalStateException("first"), listener);
		assertThat(givenUp).isEqualTo(4);
		assertThat(this.calls).hasSize(2)
			.allSatisfy((call) -> assertThat(call).containsExactly("m0", "m1", "m2", "m3"));
		assertThat(this.handled).containsExactly("m0: retry 2 after 3", "m1: retry 2 after 3", "m2: retry 2 after 3",
				"m3: retry 2 after 3");
	}

	@Test
	void aFailureAtAMessageRetriesFromItAndCountsTheMessagesBeforeItAsProcessed() {
		MailslotBatchMessageListener listener = scripted(succeed());
		int givenUp = retries(2).handle(this.batch, named(2, "first"), listener);
		assertThat(givenUp).isZero();
		assertThat(this.calls).containsExactly(List.of("m2", "m3"));
		assertThat(this.handled).isEmpty();
	}

	@Test
	void onceRetriesAreExhaustedTheFailedMessageAloneGoesToTheErrorHandlerAndTheRestIsDeliveredAgain() {
		MailslotBatchMessageListener listener = scripted(failAt(0, "retry 1"), failAt(0, "retry 2"), succeed());
		int givenUp = retries(2).handle(this.batch, named(1, "first"), listener);
		assertThat(givenUp).isOne();
		assertThat(this.calls).containsExactly(List.of("m1", "m2", "m3"), List.of("m1", "m2", "m3"),
				List.of("m2", "m3"));
		assertThat(this.handled).containsExactly("m1: retry 2 after 3");
	}

	@Test
	void theRestDeliveredAgainAfterAGivenUpMessageGetsRetriesOfItsOwn() {
		MailslotBatchMessageListener listener = scripted(failAt(0, "m1 again"), failAt(1, "m3 first"),
				failAt(0, "m3 again"));
		int givenUp = retries(1).handle(this.batch, named(1, "m1 first"), listener);
		assertThat(givenUp).isEqualTo(2);
		assertThat(this.calls).containsExactly(List.of("m1", "m2", "m3"), List.of("m2", "m3"), List.of("m3"));
		assertThat(this.handled).containsExactly("m1: m1 again after 2", "m3: m3 again after 2");
	}

	@Test
	void aRetryThatFailsFurtherOnStartsTheRetriesAgainFromThere() {
		MailslotBatchMessageListener listener = scripted(failAt(2, "m2 first"), fail("whole again"), succeed());
		int givenUp = retries(2).handle(this.batch, new IllegalStateException("first"), listener);
		assertThat(givenUp).isZero();
		assertThat(this.calls).containsExactly(List.of("m0", "m1", "m2", "m3"), List.of("m2", "m3"),
				List.of("m2", "m3"));
		assertThat(this.handled).isEmpty();
	}

	@Test
	void aLastRetryThatNamesNoMessageHandsEveryMessageLeftToTheErrorHandler() {
		MailslotBatchMessageListener listener = scripted(fail("whole"));
		int givenUp = retries(1).handle(this.batch, named(1, "first"), listener);
		assertThat(givenUp).isEqualTo(3);
		assertThat(this.calls).containsExactly(List.of("m1", "m2", "m3"));
		assertThat(this.handled).containsExactly("m1: whole after 2", "m2: whole after 2", "m3: whole after 2");
	}

	@Test
	void aLastRetryThatNamesTheFirstMessageGivesUpThatOneAlone() {
		MailslotBatchMessageListener listener = scripted(failAt(0, "m0 named"), succeed());
		int givenUp = retries(1).handle(this.batch, new IllegalStateException("first"), listener);
		assertThat(givenUp).isOne();
		assertThat(this.calls).containsExactly(List.of("m0", "m1", "m2", "m3"), List.of("m1", "m2", "m3"));
		assertThat(this.handled).containsExactly("m0: m0 named after 2");
	}

	@Test
	void theLastMessageGivenUpEndsTheBatchWithoutAnotherCall() {
		MailslotBatchMessageListener listener = scripted();
		int givenUp = retries(0).handle(this.batch, named(3, "last"), listener);
		assertThat(givenUp).isOne();
		assertThat(this.calls).isEmpty();
		assertThat(this.handled).containsExactly("m3: last after 1");
	}

	@Test
	void aFailureRetryingCannotMendIsGivenUpAfterOneAttempt() {
		MailslotBatchMessageListener listener = scripted(succeed());
		BatchListenerFailedException notJson = new BatchListenerFailedException("not JSON",
				new MessageConversionException("not JSON"), 1);
		int givenUp = retries(5).handle(this.batch, notJson, listener);
		assertThat(givenUp).isOne();
		assertThat(this.calls).containsExactly(List.of("m2", "m3"));
		assertThat(this.handled).containsExactly("m1: not JSON after 1");
	}

	@Test
	void anIndexOutsideTheBatchNamesNoMessageAndItsCauseIsWhatTheErrorHandlerSees() {
		MailslotBatchMessageListener listener = scripted();
		int givenUp = retries(0).handle(this.batch, named(4, "outside"), listener);
		assertThat(givenUp).isEqualTo(4);
		assertThat(this.calls).isEmpty();
		assertThat(this.handled).containsExactly("m0: outside after 1", "m1: outside after 1", "m2: outside after 1",
				"m3: outside after 1");
	}

	@Test
	void aMessageNamedByItselfIsFoundInTheBatch() {
		MailslotBatchMessageListener listener = scripted(succeed());
		BatchListenerFailedException named = new BatchListenerFailedException("m2 failed",
				new IllegalStateException("by message"), this.batch.get(2));
		int givenUp = retries(0).handle(this.batch, named, listener);
		assertThat(givenUp).isOne();
		assertThat(this.calls).containsExactly(List.of("m3"));
		assertThat(this.handled).containsExactly("m2: by message after 1");
	}

	@Test
	void aFailureCausedByOneThatNamesAMessageIsAFailureAtThatMessage() {
		MailslotBatchMessageListener listener = scripted(
				(messages) -> new IllegalStateException("wrapped again", named(0, "m2 again")), succeed());
		RuntimeException wrapped = new ListenerExecutionFailedException("listener", named(2, "m2 first"));
		int givenUp = retries(1).handle(this.batch, new IllegalStateException("outer", wrapped), listener);
		assertThat(givenUp).isOne();
		assertThat(this.calls).containsExactly(List.of("m2", "m3"), List.of("m3"));
		assertThat(this.handled).containsExactly("m2: m2 again after 2");
	}

	@Test
	void aRetryWhoseFailureIsCausedByOneNamingALaterMessageIsProgress() {
		MailslotBatchMessageListener listener = scripted(
				(messages) -> new ListenerExecutionFailedException("listener", named(1, "m1 named")), succeed());
		int givenUp = retries(1).handle(this.batch, new IllegalStateException("first"), listener);
		assertThat(givenUp).isZero();
		assertThat(this.calls).containsExactly(List.of("m0", "m1", "m2", "m3"), List.of("m1", "m2", "m3"));
		assertThat(this.handled).isEmpty();
	}

	@Test
	void causesThatLoopNameNoMessage() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalStateException second = new IllegalStateException("second", first);
		first.initCause(second);
		int givenUp = retries(0).handle(this.batch, first, scripted());
		assertThat(givenUp).isEqualTo(4);
		assertThat(this.handled).containsExactly("m0: first after 1", "m1: first after 1", "m2: first after 1",
				"m3: first after 1");
	}

	@Test
	void anExceptionNamingAMessageDeeperThanTheLookupGoesNamesNoMessage() {
		RuntimeException failure = named(1, "deep");
		for (int i = 0; i <= FailureCauses.MAX_DEPTH; i++) {
			failure = new IllegalStateException("wrapper " + i, failure);
		}
		int givenUp = retries(0).handle(this.batch, failure, scripted());
		assertThat(givenUp).isEqualTo(4);
		assertThat(this.handled).first().asString().startsWith("m0: wrapper " + FailureCauses.MAX_DEPTH);
	}

	private static List<Message<byte[]>> messages(String... texts) {
		return Arrays.stream(texts)
			.map((text) -> MessageBuilder.withPayload(text.getBytes(StandardCharsets.UTF_8)).build())
			.toList();
	}

	private static String text(Message<byte[]> message) {
		return new String(message.getPayload(), StandardCharsets.UTF_8);
	}

}
