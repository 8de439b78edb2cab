package dev.mailslot.transport.network;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Encodes and decodes mailslot writes: a NetBIOS datagram (RFC 1002 4.4) whose user data
 * is an SMB_COM_TRANSACTION carrying a mailslot name and a message ([MS-MAIL] 2.2.1,
 * [MS-CIFS] 2.2.4.33). NetBIOS fields are big-endian, SMB fields little-endian.
 * <p>
 * Encoding refuses what the protocol does not allow: a mailslot name and message together
 * over {@value #MAX_NAME_AND_DATA} bytes, a message over {@value #MAX_DATA} bytes.
 * Decoding never throws and never allocates more than the datagram's size: it returns the
 * write or a {@link DatagramRejection}. It tolerates a wrong DGM_LENGTH and any TID, UID,
 * timeout, priority and class.
 */
public final class MailslotDatagramCodec {

	/** Longest mailslot name (with its NUL) and message together, [MS-MAIL] 2.1. */
	public static final int MAX_NAME_AND_DATA = 443;

	/** Longest message Windows sends between hosts. */
	public static final int MAX_DATA = 424;

	/** The UDP port of the NetBIOS datagram service. */
	public static final int PORT = 138;

	private static final int HEADER_LENGTH = 14;

	private static final int SMB_HEADER_LENGTH = 32;

	private static final int SMB_COM_TRANSACTION = 0x25;

	private static final int WORD_COUNT = 17;

	private static final int SETUP_COUNT = 3;

	private static final int OPCODE_WRITE_MAILSLOT = 1;

	/** From the SMB header: header, word count, 17 words, byte count. */
	private static final int NAME_OFFSET = SMB_HEADER_LENGTH + 1 + 2 * WORD_COUNT + 2;

	private static final String MAILSLOT_PREFIX = "\\MAILSLOT\\";

	private MailslotDatagramCodec() {
	}

	/**
	 * Encode a mailslot write.
	 * @param datagram the write
	 * @return the UDP payload
	 * @throws IllegalArgumentException if the name and message are over the protocol's
	 * limits, or the name is not a {@code \MAILSLOT\} name
	 */
	public static byte[] encode(MailslotDatagram datagram) {
		String mailslot = datagram.mailslot();
		if (!mailslot.toUpperCase(Locale.ROOT).startsWith(MAILSLOT_PREFIX) || mailslot.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("Mailslot name '" + mailslot + "' must start with \\MAILSLOT\\");
		}
		byte[] name = mailslot.getBytes(StandardCharsets.US_ASCII);
		int dataLength = datagram.dataLength();
		if (dataLength > MAX_DATA) {
			throw new IllegalArgumentException(
					"A remote mailslot message may have at most " + MAX_DATA + " bytes; this one has " + dataLength);
		}
		if (name.length + 1 + dataLength > MAX_NAME_AND_DATA) {
			throw new IllegalArgumentException("A remote mailslot name and message may have at most "
					+ MAX_NAME_AND_DATA + " bytes together ([MS-MAIL] 2.1); '" + mailslot + "' and its message have "
					+ (name.length + 1 + dataLength) + ". Shorten the name or the message");
		}
		int smbLength = NAME_OFFSET + name.length + 1 + dataLength;
		int namesLength = datagram.source().encodedLength() + datagram.destination().encodedLength();
		ByteBuffer out = ByteBuffer.allocate(HEADER_LENGTH + namesLength + smbLength).order(ByteOrder.BIG_ENDIAN);
		out.put((byte) datagram.type().code())
			.put((byte) datagram.flags())
			.putShort((short) datagram.datagramId())
			.putInt(datagram.sourceAddress())
			.putShort((short) datagram.sourcePort())
			.putShort((short) (namesLength + smbLength))
			.putShort((short) 0);
		datagram.source().encode(out);
		datagram.destination().encode(out);
		writeSmb(out.order(ByteOrder.LITTLE_ENDIAN), datagram, name);
		return out.array();
	}

	private static void writeSmb(ByteBuffer out, MailslotDatagram datagram, byte[] name) {
		MailslotDatagram.TransactionFields fields = datagram.transaction();
		int dataLength = datagram.dataLength();
		out.put((byte) 0xFF).put((byte) 'S').put((byte) 'M').put((byte) 'B').put((byte) SMB_COM_TRANSACTION);
		out.putInt(0)
			.put((byte) fields.smbFlags())
			.putShort((short) fields.smbFlags2())
			.putShort((short) fields.pidHigh())
			.putLong(0)
			.putShort((short) 0)
			.putShort((short) fields.tid())
			.putShort((short) fields.pidLow())
			.putShort((short) fields.uid())
			.putShort((short) fields.mid());
		out.put((byte) WORD_COUNT)
			.putShort((short) 0)
			.putShort((short) dataLength)
			.putShort((short) fields.maxParameterCount())
			.putShort((short) fields.maxDataCount())
			.put((byte) fields.maxSetupCount())
			.put((byte) 0)
			.putShort((short) fields.transactionFlags())
			.putInt((int) fields.timeout())
			.putShort((short) 0)
			.putShort((short) 0)
			.putShort((short) 0)
			.putShort((short) dataLength)
			.putShort((short) (NAME_OFFSET + name.length + 1))
			.put((byte) SETUP_COUNT)
			.put((byte) 0)
			.putShort((short) OPCODE_WRITE_MAILSLOT)
			.putShort((short) fields.priority())
			.putShort((short) fields.mailslotClass())
			.putShort((short) (name.length + 1 + dataLength));
		out.put(name).put((byte) 0).put(datagram.data());
	}

	/**
	 * Decode a UDP payload.
	 * @param payload the bytes received
	 * @param length how many of them were received
	 * @return the mailslot write, or why it was rejected
	 */
	public static DecodeResult decode(byte[] payload, int length) {
		ByteBuffer in = ByteBuffer.wrap(payload, 0, Math.max(0, Math.min(length, payload.length)))
			.order(ByteOrder.BIG_ENDIAN);
		try {
			return decode(in);
		}
		catch (BufferUnderflowException | IndexOutOfBoundsException ex) {
			return new DecodeResult.Rejected(DatagramRejection.TRUNCATED,
					"datagram of " + length + " bytes ends early");
		}
	}

	private static DecodeResult decode(ByteBuffer in) {
		if (in.remaining() < HEADER_LENGTH) {
			return reject(DatagramRejection.TRUNCATED, in.remaining() + " bytes, less than a datagram header");
		}
		int typeCode = in.get() & 0xFF;
		DatagramType type = DatagramType.of(typeCode);
		if (type == null) {
			return reject(DatagramRejection.UNSUPPORTED_TYPE, "datagram type " + hex(typeCode));
		}
		int flags = in.get() & 0xFF;
		int datagramId = in.getShort() & 0xFFFF;
		int sourceAddress = in.getInt();
		int sourcePort = in.getShort() & 0xFFFF;
		in.getShort();
		int packetOffset = in.getShort() & 0xFFFF;
		if ((flags & 0x02) == 0 || (flags & 0x01) != 0 || packetOffset != 0) {
			return reject(DatagramRejection.FRAGMENT, "flags " + hex(flags) + ", packet offset " + packetOffset);
		}
		Object source = decodeName(in);
		if (source instanceof DecodeResult.Rejected rejected) {
			return rejected;
		}
		Object destination = decodeName(in);
		if (destination instanceof DecodeResult.Rejected rejected) {
			return rejected;
		}
		ByteBuffer smb = in.slice().order(ByteOrder.LITTLE_ENDIAN);
		return decodeSmb(smb, type, flags, datagramId, sourceAddress, sourcePort, (NetbiosName) source,
				(NetbiosName) destination);
	}

	/**
	 * Return the decoded name, or a rejection.
	 */
	private static Object decodeName(ByteBuffer in) {
		if (in.remaining() < NetbiosName.ENCODED_LENGTH_WITHOUT_SCOPE) {
			return reject(DatagramRejection.TRUNCATED, "datagram ends inside a name");
		}
		int length = in.get() & 0xFF;
		if (length != 32) {
			return reject(DatagramRejection.BAD_NAME, "name label of " + length + " bytes, not 32");
		}
		char[] bytes = new char[16];
		for (int i = 0; i < 16; i++) {
			int high = (in.get() & 0xFF) - 'A';
			int low = (in.get() & 0xFF) - 'A';
			if (high < 0 || high > 15 || low < 0 || low > 15) {
				return reject(DatagramRejection.BAD_NAME, "name character outside 'A'..'P'");
			}
			bytes[i] = (char) ((high << 4) | low);
		}
		int label = in.get() & 0xFF;
		Object scope = (label != 0) ? decodeScope(in, label) : "";
		if (scope instanceof DecodeResult.Rejected rejected) {
			return rejected;
		}
		int end = 15;
		char padding = (bytes[0] == '*') ? '\0' : ' ';
		while (end > 1 && bytes[end - 1] == padding) {
			end--;
		}
		return new NetbiosName(new String(bytes, 0, end), bytes[15], (String) scope);
	}

	/**
	 * Return the decoded scope of a name, from its first label on, or a rejection. Most
	 * names have none, and never get here.
	 */
	private static Object decodeScope(ByteBuffer in, int firstLabel) {
		StringBuilder scope = new StringBuilder();
		for (int label = firstLabel; label != 0; label = in.get() & 0xFF) {
			if (label > 63) {
				return reject(DatagramRejection.BAD_NAME, "scope label of " + label + " bytes");
			}
			if (label >= in.remaining()) {
				return reject(DatagramRejection.TRUNCATED, "scope label runs past the datagram");
			}
			if (scope.length() > 0) {
				scope.append('.');
			}
			for (int i = 0; i < label; i++) {
				int c = in.get() & 0xFF;
				if (c <= 0x20 || c >= 0x7F || c == '.') {
					return reject(DatagramRejection.BAD_NAME, "scope label with the byte " + c);
				}
				scope.append((char) c);
			}
			if (scope.length() > 200) {
				return reject(DatagramRejection.BAD_NAME, "scope of more than 200 characters");
			}
		}
		return scope.toString();
	}

	private static DecodeResult decodeSmb(ByteBuffer smb, DatagramType type, int flags, int datagramId,
			int sourceAddress, int sourcePort, NetbiosName source, NetbiosName destination) {
		if (smb.remaining() >= 4 && smb.getInt(0) != 0x424D53FF) {
			return reject(DatagramRejection.NOT_SMB, "user data is not an SMB message");
		}
		if (smb.remaining() < NAME_OFFSET) {
			return reject(DatagramRejection.TRUNCATED, "SMB message of " + smb.remaining() + " bytes");
		}
		if (smb.get(4) != SMB_COM_TRANSACTION) {
			return reject(DatagramRejection.NOT_MAILSLOT_WRITE, "SMB command " + hex(smb.get(4) & 0xFF));
		}
		int command = smb.get(4) & 0xFF;
		int wordCount = smb.get(SMB_HEADER_LENGTH) & 0xFF;
		if (command != SMB_COM_TRANSACTION || wordCount != WORD_COUNT) {
			return reject(DatagramRejection.NOT_MAILSLOT_WRITE,
					"SMB command " + hex(command) + " with " + wordCount + " words");
		}
		int words = SMB_HEADER_LENGTH + 1;
		int setupCount = smb.get(words + 26) & 0xFF;
		int opcode = smb.getShort(words + 28) & 0xFFFF;
		if (setupCount != SETUP_COUNT || opcode != OPCODE_WRITE_MAILSLOT) {
			return reject(DatagramRejection.NOT_MAILSLOT_WRITE,
					"setup count " + setupCount + ", opcode " + opcode + " (1 writes a mailslot)");
		}
		int totalDataCount = smb.getShort(words + 2) & 0xFFFF;
		int dataCount = smb.getShort(words + 22) & 0xFFFF;
		int dataOffset = smb.getShort(words + 24) & 0xFFFF;
		if (dataOffset < NAME_OFFSET || dataOffset + dataCount > smb.limit()) {
			return reject(DatagramRejection.BAD_DATA_BOUNDS,
					"data of " + dataCount + " bytes at offset " + dataOffset + " in an SMB message of " + smb.limit());
		}
		if (totalDataCount != dataCount) {
			return reject(DatagramRejection.INCOMPLETE_TRANSACTION, "data of " + dataCount + " bytes of a total of "
					+ totalDataCount + "; [MS-MAIL] has no segmentation");
		}
		int nameEnd = -1;
		for (int i = NAME_OFFSET; i < dataOffset; i++) {
			if (smb.get(i) == 0) {
				nameEnd = i;
				break;
			}
		}
		if (nameEnd < 0) {
			return reject(DatagramRejection.BAD_MAILSLOT_NAME, "mailslot name without its NUL");
		}
		char[] name = new char[nameEnd - NAME_OFFSET];
		for (int i = 0; i < name.length; i++) {
			int c = smb.get(NAME_OFFSET + i) & 0xFF;
			if (c < 0x20 || c > 0x7E) {
				return reject(DatagramRejection.BAD_MAILSLOT_NAME, "mailslot name with the byte " + c);
			}
			name[i] = (char) c;
		}
		String mailslot = new String(name);
		if (!mailslot.regionMatches(true, 0, MAILSLOT_PREFIX, 0, MAILSLOT_PREFIX.length())) {
			return reject(DatagramRejection.BAD_MAILSLOT_NAME, "'" + mailslot + "' is not a \\MAILSLOT\\ name");
		}
		if (dataCount > MAX_DATA || name.length + 1 + dataCount > MAX_NAME_AND_DATA) {
			return reject(DatagramRejection.OVER_LIMIT,
					"name of " + (name.length + 1) + " and data of " + dataCount + " bytes");
		}
		byte[] data = new byte[dataCount];
		smb.get(dataOffset, data);
		MailslotDatagram.TransactionFields fields = new MailslotDatagram.TransactionFields(smb.get(9) & 0xFF,
				smb.getShort(10) & 0xFFFF, smb.getShort(12) & 0xFFFF, smb.getShort(24) & 0xFFFF,
				smb.getShort(26) & 0xFFFF, smb.getShort(28) & 0xFFFF, smb.getShort(30) & 0xFFFF,
				smb.getShort(words + 4) & 0xFFFF, smb.getShort(words + 6) & 0xFFFF, smb.get(words + 8) & 0xFF,
				smb.getShort(words + 10) & 0xFFFF, smb.getInt(words + 12) & 0xFFFFFFFFL,
				smb.getShort(words + 30) & 0xFFFF, smb.getShort(words + 32) & 0xFFFF);
		return new DecodeResult.Decoded(new MailslotDatagram(type, flags, datagramId, sourceAddress, sourcePort, source,
				destination, fields, mailslot, data));
	}

	private static String hex(int value) {
		return "0x" + Integer.toHexString(value);
	}

	private static DecodeResult.Rejected reject(DatagramRejection reason, String detail) {
		return new DecodeResult.Rejected(reason, detail);
	}

}
