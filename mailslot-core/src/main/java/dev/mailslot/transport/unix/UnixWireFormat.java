package dev.mailslot.transport.unix;

import java.nio.ByteBuffer;

/**
 * What travels on a mailslot's socket. On each connection the server first sends a greeting of 8
 * bytes: the 4 ASCII bytes {@code MSL1} and the mailslot's maximum message size as a 32-bit
 * big-endian integer. The writer then sends each message as one frame: its length as a 32-bit
 * big-endian integer, then that many bytes. A writer may ignore the greeting. The server reads a
 * message once its whole frame has arrived; a frame whose length is over the maximum, or cut short
 * by the end of the connection, is dropped with the connection and counted.
 */
public final class UnixWireFormat {

	/** The bytes the greeting starts with. */
	public static final byte[] MAGIC = { 'M', 'S', 'L', '1' };

	/** Bytes of the greeting: the magic and the maximum message size. */
	public static final int GREETING_SIZE = 8;

	/** Bytes of a frame's length. */
	public static final int LENGTH_SIZE = 4;

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
