package dev.mailslot.spring.listener;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counts behind {@link MailslotListenerStatistics}, kept without locks by the reader and the
 * dispatchers of one container.
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

	MailslotListenerStatistics statistics() {
		return new MailslotListenerStatistics(this.received.sum(), this.bytesReceived.sum(), this.processed.sum(),
				this.failures.sum(), this.unprocessed.sum());
	}

}
