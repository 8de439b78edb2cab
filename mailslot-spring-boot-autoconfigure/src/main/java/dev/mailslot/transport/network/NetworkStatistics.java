package dev.mailslot.transport.network;

import java.util.Map;

/**
 * Counts of what the {@code network} transport received.
 *
 * @param received datagrams received
 * @param delivered mailslot writes handed to a local server
 * @param dropped datagrams dropped, by reason: a {@link DatagramRejection} name, or
 * {@code UNKNOWN_MAILSLOT}, {@code REFUSED_BY_SERVER}, {@code DISALLOWED_SOURCE}, {@code DUPLICATE}
 */
public record NetworkStatistics(long received, long delivered, Map<String, Long> dropped) {

	/** No local server has the mailslot's name. */
	public static final String UNKNOWN_MAILSLOT = "UNKNOWN_MAILSLOT";

	/** The local server refused the message (larger than its maximum size). */
	public static final String REFUSED_BY_SERVER = "REFUSED_BY_SERVER";

	/** The sender is not in an allowed network. */
	public static final String DISALLOWED_SOURCE = "DISALLOWED_SOURCE";

	/** The same datagram came from the same sender within the duplicate window. */
	public static final String DUPLICATE = "DUPLICATE";

	public NetworkStatistics {
		dropped = Map.copyOf(dropped);
	}

}
