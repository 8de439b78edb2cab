package dev.mailslot.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the default {@link MailslotFailureHandler#handleBatchFailure}, on the calling
 * thread, with a failure handler that implements single messages only: it retries each
 * message once and records what it gave up.
 */
class BatchFailuresByMessageTests {

	private final List<Message<byte[]>> batch = messages("m0", "m1", "m2", "m3");

	/** Each call of the listener, with the texts of its batch. */
	private final List<List<String>> calls = new ArrayList<>();

	/** Each message the failure handler was given: its text and the failure's message. */
	private final List<String> failures = new ArrayList<>();

	/** The messages the failure handler gave up. */
	private final List<String> givenUp = new ArrayList<>();

	private final MailslotFailureHandler handler = new MailslotFailureHandler() {

		@Override
		public boolean handleFailure(Message<byte[]> message, Throwable failure, MailslotMessageListener listener) {
			BatchFailuresByMessageTests.this.failures.add(text(message) + ": " + failure.getMessage());
			try {
				listener.onMessage(message);
				return true;
			}
			catch (RuntimeException ex) {
				BatchFailuresByMessageTests.this.givenUp.add(text(message));
				return false;
			}
		}

		@Override
		public void handleUndispatched(Message<byte[]> message, MessageNotDispatchedException cause) {
			throw new AssertionError("not called");
		}

	};

	/**
	 * A listener that records each call and fails any batch holding one of the poison
	 * texts: by naming the first of them if {@code named}, else as a whole.
	 */
	private MailslotBatchMessageListener failingOn(boolean named, String... poison) {
		Set<String> bad = Set.of(poison);
		return (messages) -> {
			List<String> texts = messages.stream().map(BatchFailuresByMessageTests::text).toList();
			this.calls.add(texts);
			for (int i = 0; i < texts.size(); i++) {
				if (bad.contains(texts.get(i))) {
					IllegalStateException cause = new IllegalStateException(texts.get(i) + " is bad");
					throw named ? new BatchListenerFailedException("failed", cause, i) : cause;
				}
			}
		};
	}

	@Test
	void aFailureThatNamesNoMessageHandsEachMessageOverWithRetriesOfItsOwn() {
		int given = this.handler.handleBatchFailure(this.batch, new IllegalStateException("whole"),
				failingOn(false, "m2"));
		assertThat(given).isOne();
		assertThat(this.failures).containsExactly("m0: whole", "m1: whole", "m2: whole", "m3: whole");
		assertThat(this.calls).containsExactly(List.of("m0"), List.of("m1"), List.of("m2"), List.of("m3"));
		assertThat(this.givenUp).containsExactly("m2");
	}

	@Test
	void aNamedMessageAloneIsHandedOverAndTheMessagesAfterItAreDeliveredAgainAsABatch() {
		BatchListenerFailedException failure = new BatchListenerFailedException("failed",
				new IllegalStateException("m1 is bad"), 1);
		int given = this.handler.handleBatchFailure(this.batch, failure, failingOn(true, "m1"));
		assertThat(given).isOne();
		assertThat(this.failures).containsExactly("m1: m1 is bad");
		assertThat(this.calls).containsExactly(List.of("m1"), List.of("m2", "m3"));
		assertThat(this.givenUp).containsExactly("m1");
	}

	@Test
	void aFailureOfTheBatchDeliveredAgainIsHandledTheSameWay() {
		BatchListenerFailedException failure = new BatchListenerFailedException("failed",
				new IllegalStateException("m0 is bad"), 0);
		int given = this.handler.handleBatchFailure(this.batch, failure, failingOn(true, "m0", "m2"));
		assertThat(given).isEqualTo(2);
		assertThat(this.failures).containsExactly("m0: m0 is bad", "m2: m2 is bad");
		assertThat(this.calls).containsExactly(List.of("m0"), List.of("m1", "m2", "m3"), List.of("m2"), List.of("m3"));
	}

	@Test
	void aWrappedExceptionNamingAMessageNamesIt() {
		RuntimeException failure = new IllegalStateException("wrapper",
				new BatchListenerFailedException("failed", new IllegalStateException("m3 is bad"), 3));
		int given = this.handler.handleBatchFailure(this.batch, failure, failingOn(true));
		assertThat(given).isZero();
		assertThat(this.failures).containsExactly("m3: m3 is bad");
		assertThat(this.calls).containsExactly(List.of("m3"));
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
