package dev.mailslot.transport.network;

/**
 * What decoding a datagram gave: the mailslot write, or why it was rejected. Decoding
 * never throws.
 */
public sealed interface DecodeResult {

	/**
	 * A mailslot write.
	 *
	 * @param datagram the decoded datagram
	 */
	record Decoded(MailslotDatagram datagram) implements DecodeResult {

	}

	/**
	 * A rejected datagram.
	 *
	 * @param reason why
	 * @param detail what was found, for logs
	 */
	record Rejected(DatagramRejection reason, String detail) implements DecodeResult {

	}

}
