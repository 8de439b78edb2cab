package dev.mailslot.transport.network;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A mailslot write as it travels: the NetBIOS datagram header and names, and the fields
 * of the SMB_COM_TRANSACTION that carries the mailslot name and the message. Decoding
 * keeps every field, so that encoding a decoded datagram gives back its bytes.
 *
 * @param type the datagram type
 * @param flags the FLAGS byte (0x02, FIRST, when sent by this library; node-type bits
 * vary)
 * @param datagramId the DGM_ID
 * @param sourceAddress the SOURCE_IP, as an unsigned 32-bit value in an int
 * @param sourcePort the SOURCE_PORT, usually 138
 * @param source the sender's name, usually {@code COMPUTER<00>}
 * @param destination the name written to, such as {@code HOST<00>} or {@code DOMAIN<1D>}
 * @param transaction the SMB and transaction fields that travel but carry no meaning here
 * @param mailslot the mailslot name as sent, such as {@code \MAILSLOT\BROWSE}
 * @param data the message
 */
public record MailslotDatagram(DatagramType type, int flags, int datagramId, int sourceAddress, int sourcePort,
		NetbiosName source, NetbiosName destination, TransactionFields transaction, String mailslot, byte[] data) {

	/** The FLAGS value this library sends: FIRST, no MORE, node type 0. */
	public static final int FIRST = 0x02;

	public MailslotDatagram {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(mailslot, "mailslot");
		data = data.clone();
	}

	@Override
	public byte[] data() {
		return this.data.clone();
	}

	/**
	 * Return the size of the message without copying it.
	 * @return the size in bytes
	 */
	public int dataLength() {
		return this.data.length;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj instanceof MailslotDatagram other) && this.type == other.type && this.flags == other.flags
				&& this.datagramId == other.datagramId && this.sourceAddress == other.sourceAddress
				&& this.sourcePort == other.sourcePort && this.source.equals(other.source)
				&& this.destination.equals(other.destination) && this.transaction.equals(other.transaction)
				&& this.mailslot.equals(other.mailslot) && Arrays.equals(this.data, other.data);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.type, this.datagramId, this.source, this.destination, this.mailslot)
				+ Arrays.hashCode(this.data);
	}

	@Override
	public String toString() {
		return "MailslotDatagram[" + this.type + " " + this.source + " -> " + this.destination + " " + this.mailslot
				+ ", " + this.data.length + " bytes]";
	}

	/**
	 * The fields of the SMB header and the transaction that a mailslot write carries
	 * without meaning: a receiver ignores them, and they are kept only so that a datagram
	 * re-encodes as it was.
	 *
	 * @param smbFlags the SMB Flags byte
	 * @param smbFlags2 the SMB Flags2 word
	 * @param pidHigh the PIDHigh word
	 * @param tid the TID
	 * @param pidLow the PIDLow word
	 * @param uid the UID
	 * @param mid the MID
	 * @param maxParameterCount the MaxParameterCount
	 * @param maxDataCount the MaxDataCount
	 * @param maxSetupCount the MaxSetupCount
	 * @param transactionFlags the transaction Flags word
	 * @param timeout the Timeout (Samba 4 sends 1000)
	 * @param priority the mailslot priority (Samba sends 1)
	 * @param mailslotClass the mailslot class: 2 for datagrams, 1 only over SMB sessions
	 */
	public record TransactionFields(int smbFlags, int smbFlags2, int pidHigh, int tid, int pidLow, int uid, int mid,
			int maxParameterCount, int maxDataCount, int maxSetupCount, int transactionFlags, long timeout,
			int priority, int mailslotClass) {

		/** What this library sends: zeros, priority 1, class 2. */
		public static final TransactionFields DEFAULTS = new TransactionFields(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
				2);

	}

}
