package dev.mailslot.transport.network;

/**
 * Why a received datagram is not a mailslot write this library accepts. Receivers count
 * rejections by reason and drop the datagram.
 */
public enum DatagramRejection {

	/**
	 * Shorter than a NetBIOS datagram header, or cut off inside a name or the SMB
	 * message.
	 */
	TRUNCATED,

	/**
	 * A NetBIOS datagram type other than 0x10, 0x11 or 0x12 (error and query datagrams).
	 */
	UNSUPPORTED_TYPE,

	/**
	 * A fragment (MORE set, FIRST clear, or a packet offset): [MS-MAIL] never fragments.
	 */
	FRAGMENT,

	/** A NetBIOS name that is not 32 encoded characters, or has a bad label. */
	BAD_NAME,

	/** User data that is not an SMB message. */
	NOT_SMB,

	/**
	 * An SMB message that is not a mailslot write (SMB_COM_TRANSACTION, 17 words, 3 setup
	 * words, opcode 1).
	 */
	NOT_MAILSLOT_WRITE,

	/** A data offset or count that points outside the datagram. */
	BAD_DATA_BOUNDS,

	/** A name that does not start with {@code \MAILSLOT\}, or has no terminating NUL. */
	BAD_MAILSLOT_NAME,

	/** More than the protocol allows: name and data over 443 bytes, or data over 424. */
	OVER_LIMIT,

	/**
	 * A transaction whose data count is not its total data count: part of a message,
	 * which [MS-MAIL] never sends, since it has no segmentation.
	 */
	INCOMPLETE_TRANSACTION

}
