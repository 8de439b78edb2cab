package dev.mailslot.transport.unix;

import java.util.concurrent.atomic.AtomicLong;

import dev.mailslot.MailslotName;

/**
 * What a unix server dropped because its writers broke the wire format
 * ({@link UnixWireFormat}) or came too many, counted by reason; the first of each reason
 * is logged as a warning, the next ones at debug level.
 */
final class UnixGarbage {

	private static final System.Logger logger = System.getLogger(UnixGarbage.class.getName());

	private final MailslotName name;

	private final AtomicLong oversized = new AtomicLong();

	private final AtomicLong outOfTurn = new AtomicLong();

	private final AtomicLong misstamped = new AtomicLong();

	private final AtomicLong truncated = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	UnixGarbage(MailslotName name) {
		this.name = name;
	}

	/**
	 * Return the connections dropped for a length over the maximum, or negative.
	 */
	long oversized() {
		return this.oversized.get();
	}

	/**
	 * Return the connections dropped for sending beyond their credit.
	 */
	long outOfTurn() {
		return this.outOfTurn.get();
	}

	/**
	 * Return the connections dropped for a stamp later than the server's clock.
	 */
	long misstamped() {
		return this.misstamped.get();
	}

	/**
	 * Return the messages dropped because their connection ended before their last byte.
	 */
	long truncated() {
		return this.truncated.get();
	}

	/**
	 * Return the connections refused past {@value UnixConnections#MAX_CONNECTIONS}.
	 */
	long refused() {
		return this.refused.get();
	}

	void countOversized(long length, int maxMessageSize) {
		report(this.oversized, "a writer sent a message of " + length + " bytes, over the maximum of " + maxMessageSize
				+ "; its connection was closed");
	}

	void countOutOfTurn() {
		report(this.outOfTurn, "a writer sent more than its credit covered; its connection was closed");
	}

	void countMisstamped(long stamp, long now) {
		report(this.misstamped, "a writer stamped a message " + (stamp - now) + " ns later than this host's "
				+ "monotonic clock reads (it reads another clock); its connection was closed");
	}

	void countTruncated() {
		report(this.truncated, "a writer's connection ended in the middle of a message, which was dropped");
	}

	void countRefused(int connections) {
		report(this.refused, "connection refused: the server already has " + connections + " writers");
	}

	private void report(AtomicLong counter, String what) {
		long count = counter.incrementAndGet();
		logger.log((count == 1) ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
				"Mailslot " + this.name + ": " + what + " (" + count + " so far)");
	}

}
