package dev.mailslot.transport.network;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotName;

/**
 * Decides which received datagrams are mailslot writes for this host: from an allowed
 * sender, well-formed, addressed to a name this host answers for, no duplicate and to a
 * valid mailslot name. Each is either a message for a local mailslot, with its sender's
 * name and address, the name written to and the datagram type, or dropped for a reason of
 * {@link NetworkStatistics}. Logs under the transport's name.
 */
final class DatagramFilter {

	private static final System.Logger logger = System.getLogger(NetworkMailslotTransport.class.getName());

	private static final String MAILSLOT_PREFIX = "\\MAILSLOT\\";

	private final List<SourceNetwork> allowedSources;

	private final Set<NetbiosName> answersFor;

	private final DuplicateDatagrams duplicates;

	/**
	 * Create a filter of the given options' senders, names and duplicate window.
	 * @param options the transport's options
	 */
	DatagramFilter(NetworkOptions options) {
		this.allowedSources = options.allowedSources();
		this.answersFor = options.answersFor();
		this.duplicates = new DuplicateDatagrams(options.duplicateWindow());
	}

	/**
	 * Return what a received datagram is.
	 * @param payload the datagram's bytes
	 * @param from its sender's address and port
	 * @return a write for a local mailslot, or why it is dropped
	 */
	Verdict filter(byte[] payload, InetSocketAddress from) {
		if (!allowed(from.getAddress())) {
			return new Dropped(NetworkStatistics.DISALLOWED_SOURCE);
		}
		DecodeResult result = MailslotDatagramCodec.decode(payload, payload.length);
		if (result instanceof DecodeResult.Rejected rejected) {
			logger.log(Level.DEBUG, "Dropped a datagram from {0}: {1} ({2})", from, rejected.reason(),
					rejected.detail());
			return new Dropped(rejected.reason().name());
		}
		MailslotDatagram datagram = ((DecodeResult.Decoded) result).datagram();
		if (!this.answersFor.contains(datagram.destination())) {
			logger.log(Level.DEBUG, "Dropped a datagram from {0} to {1}, a name this host does not answer for", from,
					datagram.destination());
			return new Dropped(NetworkStatistics.NOT_FOR_THIS_HOST);
		}
		if (this.duplicates.isDuplicate(from, datagram)) {
			return new Dropped(NetworkStatistics.DUPLICATE);
		}
		MailslotName name;
		try {
			name = MailslotName.local(datagram.mailslot().substring(MAILSLOT_PREFIX.length()));
		}
		catch (InvalidMailslotNameException ex) {
			return new Dropped(DatagramRejection.BAD_MAILSLOT_NAME.name());
		}
		Map<String, String> attributes = Map.of(MailslotMessage.Attributes.SENDER, datagram.source().toString(),
				MailslotMessage.Attributes.SENDER_ADDRESS, from.getAddress().getHostAddress() + ":" + from.getPort(),
				MailslotMessage.Attributes.DESTINATION, datagram.destination().toString(),
				MailslotMessage.Attributes.DATAGRAM_TYPE, datagram.type().name());
		return new Accepted(name, new MailslotMessage(datagram.data(), attributes));
	}

	private boolean allowed(InetAddress source) {
		return this.allowedSources.isEmpty()
				|| this.allowedSources.stream().anyMatch((network) -> network.contains(source));
	}

	/**
	 * What a received datagram is.
	 */
	sealed interface Verdict permits Accepted, Dropped {

	}

	/**
	 * A mailslot write for a local mailslot.
	 *
	 * @param mailslot the local mailslot written to
	 * @param message the message, with the sender's name and address, the name written to
	 * and the datagram type as attributes
	 */
	record Accepted(MailslotName mailslot, MailslotMessage message) implements Verdict {

	}

	/**
	 * A datagram to drop.
	 *
	 * @param reason why, one of {@link NetworkStatistics#REASONS}
	 */
	record Dropped(String reason) implements Verdict {

	}

}
