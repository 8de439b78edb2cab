package dev.mailslot.spring.listener;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;

/**
 * What a call of a batch listener did with a batch, or with what is left of one, and what
 * a run of retries came to: {@link BatchFailureRetries} decides by these alone.
 */
sealed interface BatchOutcome {

	/** Every message was processed. */
	Delivered DELIVERED = new Delivered();

	/**
	 * Call a batch listener and tell what it did.
	 * @param listener the listener
	 * @param batch the messages
	 * @return {@link #DELIVERED}, or how the call failed
	 */
	static BatchOutcome call(MailslotBatchMessageListener listener, List<Message<byte[]>> batch) {
		try {
			listener.onMessages(batch);
			return DELIVERED;
		}
		catch (RuntimeException | Error ex) {
			return of(ex, batch);
		}
	}

	/**
	 * Tell a failure of a batch listener: at the message a
	 * {@link BatchListenerFailedException} names, the failure itself or one of its causes
	 * (as spring-kafka looks for it), or of the whole batch.
	 * @param failure what the listener threw
	 * @param batch the messages the listener was given
	 * @return the failure
	 */
	static Failed of(Throwable failure, List<? extends Message<?>> batch) {
		BatchListenerFailedException named = findNamed(failure);
		if (named == null) {
			return new FailedWhole(failure);
		}
		int index = named.indexIn(batch);
		return (index >= 0) ? new FailedAt(index, named.getFailure()) : new FailedWhole(named.getFailure());
	}

	/**
	 * Return the first {@link BatchListenerFailedException} among a failure and its
	 * causes, looking at most {@link FailureCauses#MAX_DEPTH} causes deep.
	 * @param failure what the listener threw
	 * @return the exception, or {@code null} if there is none that deep
	 */
	static @Nullable BatchListenerFailedException findNamed(Throwable failure) {
		Throwable named = FailureCauses.find(failure, BatchListenerFailedException.class::isInstance);
		return (BatchListenerFailedException) named;
	}

	/**
	 * Every message was processed.
	 */
	record Delivered() implements BatchOutcome {
	}

	/**
	 * A call that failed.
	 */
	sealed interface Failed extends BatchOutcome {

		/**
		 * Return the place of the first message that was not processed.
		 * @return the index, 0 if none was processed
		 */
		int firstUnprocessed();

		/**
		 * Return the failure that the retry policy judges and the error handler sees.
		 * @return the failure
		 */
		Throwable cause();

	}

	/**
	 * The message at {@code index} failed; those before it were processed.
	 *
	 * @param index the failed message's place in the batch, from 0
	 * @param cause the cause the {@link BatchListenerFailedException} gave
	 */
	record FailedAt(int index, Throwable cause) implements Failed {

		@Override
		public int firstUnprocessed() {
			return this.index;
		}

	}

	/**
	 * A failure that names no message of the batch: none counts as processed.
	 *
	 * @param cause the failure
	 */
	record FailedWhole(Throwable cause) implements Failed {

		@Override
		public int firstUnprocessed() {
			return 0;
		}

	}

	/**
	 * The retry policy gave up on the batch's first message, or on the whole batch.
	 *
	 * @param last the last attempt's failure: which messages it names
	 * @param lastException the last failure, as the retry template reports it
	 * @param attempts how many times the listener was called with the batch, the first
	 * call included
	 */
	record RetriesExhausted(Failed last, Throwable lastException, int attempts) implements BatchOutcome {
	}

}
