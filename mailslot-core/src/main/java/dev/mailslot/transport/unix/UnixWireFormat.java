package dev.mailslot.transport.unix;

import java.nio.ByteBuffer;

/**
 * What travels on a mailslot's socket. On each connection the server first sends a
 * greeting of 8 bytes: the 4 ASCII bytes {@code MSL1} and the mailslot's maximum message
 * size as a 32-bit big-endian integer. The writer then sends each message in three steps:
 * <ol>
 * <li>the writer sends the message's length as a 32-bit big-endian integer;</li>
 * <li>the server answers with one byte, {@value #GRANT}, once it has room for the
 * message;</li>
 * <li>the writer sends the message's bytes. The write is done when they are sent.</li>
 * </ol>
 * A writer that stops waiting for the grant closes the connection, and the message was
 * not sent. The server places a message at the moment it grants it, so that a message
 * written after another's write returned is read after it, whichever writers wrote them.
 * A length over the maximum, bytes sent before their grant, and a message cut short by
 * the end of its connection are dropped with the connection and counted.
 */
public final class UnixWireFormat {

	/** The bytes the greeting starts with. */
	public static final byte[] MAGIC = { 'M', 'S', 'L', '1' };

	/** Bytes of the greeting: the magic and the maximum message size. */
	public static final int GREETING_SIZE = 8;

	/** Bytes of a message's length. */
	public static final int LENGTH_SIZE = 4;

	/** The byte by which the server lets a writer send the message it announced. */
	public static final byte GRANT = 1;

	/** Largest message of a server created with a maximum message size of 0. */
	public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_536;

	private UnixWireFormat() {
	}

	/**
	 * Return the greeting of a server.
	 * @param maxMessageSize the largest message it reads
	 * @return the greeting, ready to send
	 */
	static ByteBuffer greeting(int maxMessageSize) {
		return ByteBuffer.allocate(GREETING_SIZE).put(MAGIC).putInt(maxMessageSize).flip();
	}

	/**
	 * Return the maximum message size a greeting states.
	 * @param greeting the 8 bytes received, position at their start
	 * @return the size, or -1 if the bytes are not a greeting
	 */
	static int maxMessageSize(ByteBuffer greeting) {
		for (byte b : MAGIC) {
			if (greeting.get() != b) {
				return -1;
			}
		}
		return greeting.getInt();
	}

}
