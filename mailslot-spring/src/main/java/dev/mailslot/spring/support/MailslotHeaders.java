package dev.mailslot.spring.support;

import dev.mailslot.MailslotMessage;

/**
 * Names of the headers a mailslot message carries, for {@code @Header} arguments.
 */
public final class MailslotHeaders {

	/** Prefix of every mailslot header. */
	public static final String PREFIX = "mailslot_";

	/** Full name of the mailslot the message was read from ({@code String}). */
	public static final String MAILSLOT = PREFIX + "name";

	/**
	 * Id of the configured server that read the message, if it has one ({@code String}).
	 */
	public static final String SERVER_ID = PREFIX + "serverId";

	/** Size of the message in bytes ({@code Integer}). */
	public static final String SIZE = PREFIX + "size";

	/** When the message was read from the mailslot ({@code java.time.Instant}). */
	public static final String RECEIVED_AT = PREFIX + "receivedAt";

	/**
	 * NetBIOS name of the sender, such as {@code NMBDPEER<00>} ({@code String}); set by
	 * the network transport, absent for local mailslots.
	 */
	public static final String SENDER = PREFIX + MailslotMessage.Attributes.SENDER;

	/** Address and port of the sender ({@code String}); set by the network transport. */
	public static final String SENDER_ADDRESS = PREFIX + MailslotMessage.Attributes.SENDER_ADDRESS;

	/**
	 * NetBIOS name the message was written to ({@code String}); set by the network
	 * transport.
	 */
	public static final String DESTINATION = PREFIX + MailslotMessage.Attributes.DESTINATION;

	/**
	 * NetBIOS datagram type: {@code DIRECT_UNIQUE}, {@code DIRECT_GROUP} or
	 * {@code BROADCAST} ({@code String}); set by the network transport.
	 */
	public static final String DATAGRAM_TYPE = PREFIX + MailslotMessage.Attributes.DATAGRAM_TYPE;

	private MailslotHeaders() {
	}

}
