package dev.mailslot.spring.listener;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counts behind {@link MailslotListenerStatistics}, kept without locks by the reader
 * and the dispatchers of one container.
 */
final class ListenerCounters {

	private final LongAdder received = new LongAdder();

	private final LongAdder bytesReceived = new LongAdder();

	private final LongAdder processed = new LongAdder();

	private final LongAdder failures = new LongAdder();

	private final LongAdder unprocessed = new LongAdder();

	void received(int bytes) {
		this.received.increment();
		this.bytesReceived.add(bytes);
	}

	void processed() {
		this.processed.increment();
	}

	void processed(int messages) {
		this.processed.add(messages);
	}

	void failed() {
		this.failures.increment();
	}

	void unprocessed() {
		this.unprocessed.increment();
	}

	void unprocessed(int messages) {
		this.unprocessed.add(messages);
	}

	long unprocessedCount() {
		return this.unprocessed.sum();
	}

	/**
	 * Return how many messages were read and are neither processed nor handed to the
	 * error handler yet.
	 * @return the messages in flight
	 * @see MailslotListenerStatistics#inFlight()
	 */
	long inFlight() {
		return statistics().inFlight();
	}

	/**
	 * Return the counts, read once each, so that messages in flight are what was received
	 * and neither processed nor unprocessed in that one reading: a call that returns
	 * meanwhile is counted in one place only.
	 */
	MailslotListenerStatistics statistics() {
		long processed = this.processed.sum();
		long unprocessed = this.unprocessed.sum();
		long received = this.received.sum();
		return new MailslotListenerStatistics(received, this.bytesReceived.sum(), processed, this.failures.sum(),
				unprocessed, Math.max(0, received - processed - unprocessed));
	}

}
