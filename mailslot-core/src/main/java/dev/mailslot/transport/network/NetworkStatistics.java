package dev.mailslot.transport.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts of what the {@code network} transport received.
 *
 * @param received datagrams received
 * @param delivered mailslot writes handed to a local server
 * @param dropped datagrams dropped, by reason: a {@link DatagramRejection} name, or
 * {@code UNKNOWN_MAILSLOT}, {@code REFUSED_BY_SERVER}, {@code QUEUE_FULL},
 * {@code DISALLOWED_SOURCE}, {@code NOT_FOR_THIS_HOST}, {@code DUPLICATE},
 * {@code RECEIVE_ERROR} or {@code RECEIVE_BUFFER_FULL}
 * @param receiving whether the transport is receiving: not closed, its receiving thread
 * alive
 */
public record NetworkStatistics(long received, long delivered, Map<String, Long> dropped, boolean receiving) {

	/** No local server has the mailslot's name. */
	public static final String UNKNOWN_MAILSLOT = "UNKNOWN_MAILSLOT";

	/** The local server refused the message (larger than its maximum size). */
	public static final String REFUSED_BY_SERVER = "REFUSED_BY_SERVER";

	/** The server already holds as many messages from the network as it may. */
	public static final String QUEUE_FULL = "QUEUE_FULL";

	/** Receiving or handling the datagram failed unexpectedly; the log says how. */
	public static final String RECEIVE_ERROR = "RECEIVE_ERROR";

	/** Every reason a datagram is dropped for. */
	public static final List<String> REASONS = reasons();

	/** The sender is not in an allowed network. */
	public static final String DISALLOWED_SOURCE = "DISALLOWED_SOURCE";

	/**
	 * The kernel dropped the datagram before it was received, its receive buffer being
	 * full ({@code mailslot.network.receive-buffer-size}); counted by the kernel (Linux).
	 */
	public static final String RECEIVE_BUFFER_FULL = "RECEIVE_BUFFER_FULL";

	/** The datagram is addressed to a NetBIOS name this host does not answer for. */
	public static final String NOT_FOR_THIS_HOST = "NOT_FOR_THIS_HOST";

	/** The same datagram came from the same sender within the duplicate window. */
	public static final String DUPLICATE = "DUPLICATE";

	public NetworkStatistics {
		dropped = Map.copyOf(dropped);
	}

	private static List<String> reasons() {
		List<String> reasons = new ArrayList<>();
		for (DatagramRejection rejection : DatagramRejection.values()) {
			reasons.add(rejection.name());
		}
		reasons.addAll(List.of(UNKNOWN_MAILSLOT, REFUSED_BY_SERVER, QUEUE_FULL, DISALLOWED_SOURCE, NOT_FOR_THIS_HOST,
				DUPLICATE, RECEIVE_ERROR, RECEIVE_BUFFER_FULL));
		return List.copyOf(reasons);
	}

}
