package dev.mailslot.transport.network;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the {@code network} transport received, delivered and dropped, from the
 * receiving thread, and reads them as {@link NetworkStatistics} from any thread.
 */
final class DatagramCounts {

	private final LongAdder received = new LongAdder();

	private final LongAdder delivered = new LongAdder();

	/**
	 * Failures to receive or handle a datagram, counted apart so that counting allocates
	 * nothing.
	 */
	private final LongAdder receiveErrors = new LongAdder();

	private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

	/**
	 * Count a datagram received.
	 */
	void received() {
		this.received.increment();
	}

	/**
	 * Count a mailslot write handed to a local server.
	 */
	void delivered() {
		this.delivered.increment();
	}

	/**
	 * Count a datagram dropped.
	 * @param reason why, one of {@link NetworkStatistics#REASONS}
	 */
	void dropped(String reason) {
		this.dropped.computeIfAbsent(reason, (key) -> new LongAdder()).increment();
	}

	/**
	 * Count a failure to receive or handle a datagram; allocates nothing, so that it can
	 * count an OutOfMemoryError.
	 */
	void receiveError() {
		this.receiveErrors.increment();
	}

	/**
	 * Return the counts, with what the kernel dropped for the socket's full receive
	 * buffer.
	 * @param localAddress where the socket receives, by which the kernel's count is found
	 * @param receiving whether the transport is receiving
	 * @return the counts
	 */
	NetworkStatistics statistics(InetSocketAddress localAddress, boolean receiving) {
		Map<String, Long> drops = new LinkedHashMap<>();
		this.dropped.forEach((reason, count) -> drops.put(reason, count.sum()));
		long kernelDrops = UdpSocketDrops.of(localAddress).orElse(0);
		if (kernelDrops > 0) {
			drops.put(NetworkStatistics.RECEIVE_BUFFER_FULL, kernelDrops);
		}
		long receiveErrors = this.receiveErrors.sum();
		if (receiveErrors > 0) {
			drops.merge(NetworkStatistics.RECEIVE_ERROR, receiveErrors, Long::sum);
		}
		return new NetworkStatistics(this.received.sum(), this.delivered.sum(), drops, receiving);
	}

}
