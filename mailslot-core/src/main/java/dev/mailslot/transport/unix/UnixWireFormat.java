package dev.mailslot.transport.unix;

import java.nio.ByteBuffer;

/**
 * What travels on a mailslot's socket; every integer is big-endian.
 * <p>
 * On each connection the server first sends a greeting of {@value #GREETING_SIZE} bytes:
 * the 4 ASCII bytes {@code MSL2} and the mailslot's maximum message size (32 bits). A
 * writer sends each message as one frame, once its <em>credit</em> covers it: a message
 * of {@code n} bytes takes one message and {@code n + }{@value #MESSAGE_COST} bytes of
 * credit. A frame is
 * <ol>
 * <li>the message's length, 32 bits;</li>
 * <li>its stamp, 64 bits: the nanoseconds of the host's monotonic clock that does not
 * count sleep ({@code CLOCK_MONOTONIC} on Linux and the BSDs, {@code CLOCK_UPTIME_RAW} on
 * macOS: what Java's {@code System.nanoTime()} and Python's {@code time.monotonic_ns()}
 * read), read within the write, before the frame's first byte is sent;</li>
 * <li>its bytes.</li>
 * </ol>
 * The write is done when the frame is sent. A writer starts with no credit. While its
 * credit does not cover the next message it sends a request, a header whose length is
 * 0x80000000 ({@value #REQUEST}) and whose stamp is that message's length, and waits for
 * the server's answer: a credit increment of {@value #CREDIT_SIZE} bytes (messages, then
 * bytes, 32 bits each, unsigned) that covers it, sent once the server may hold it. A
 * writer that goes on writing is given twice as much each time, up to half of what the
 * server has free, so that it asks rarely. What the server gave is never more than it may
 * hold, so every message whose write returned can be read off its socket at once. The
 * server reads messages in the order of their stamps: a message written after another's
 * write returned is read after it, whichever writers wrote them.
 * <p>
 * A writer that stops waiting, or is stopped in the middle of a frame, closes the
 * connection: the part sent is dropped and the message was not sent. A length over the
 * maximum or negative (but for a request), a frame beyond the credit, a stamp later than
 * the server's clock when the frame arrives, and a frame cut short by the end of its
 * connection are dropped with the connection and counted. A writer that has nothing more
 * to send may shut its output down and wait for the server to close the connection: then
 * the server has counted every message it sent.
 */
public final class UnixWireFormat {

	/** The bytes the greeting starts with. */
	public static final byte[] MAGIC = { 'M', 'S', 'L', '2' };

	/** Bytes of the greeting: the magic and the maximum message size. */
	public static final int GREETING_SIZE = 8;

	/** Bytes of a frame's header: a message's length and stamp. */
	public static final int HEADER_SIZE = 12;

	/** The length of a request for credit. */
	public static final int REQUEST = Integer.MIN_VALUE;

	/** Bytes of a credit increment: messages and bytes. */
	public static final int CREDIT_SIZE = 8;

	/** Bytes of credit a message takes beyond its length. */
	public static final int MESSAGE_COST = 32;

	/** Largest message of a server created with a maximum message size of 0. */
	public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_536;

	private UnixWireFormat() {
	}

	/**
	 * Return the bytes of credit a message of a size takes.
	 */
	static long cost(int size) {
		return (long) size + MESSAGE_COST;
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
	 * @param greeting the bytes received, position at their start
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

	/**
	 * Return a credit increment.
	 */
	static ByteBuffer credit(long messages, long bytes) {
		return ByteBuffer.allocate(CREDIT_SIZE).putInt((int) messages).putInt((int) bytes).flip();
	}

}
