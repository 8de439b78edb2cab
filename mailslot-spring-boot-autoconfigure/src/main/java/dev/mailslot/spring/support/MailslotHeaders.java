package dev.mailslot.spring.support;

/**
 * Names of the headers a mailslot message carries, for {@code @Header} arguments.
 */
public final class MailslotHeaders {

	/** Prefix of every mailslot header. */
	public static final String PREFIX = "mailslot_";

	/** Full name of the mailslot the message was read from ({@code String}). */
	public static final String MAILSLOT = PREFIX + "name";

	/** Id of the configured server that read the message, if it has one ({@code String}). */
	public static final String SERVER_ID = PREFIX + "serverId";

	/** Size of the message in bytes ({@code Integer}). */
	public static final String SIZE = PREFIX + "size";

	/** When the message was read from the mailslot ({@code java.time.Instant}). */
	public static final String RECEIVED_AT = PREFIX + "receivedAt";

	/** Sender of the message, where the transport knows it ({@code String}); absent for local mailslots. */
	public static final String SENDER = PREFIX + "sender";

	private MailslotHeaders() {
	}

}
