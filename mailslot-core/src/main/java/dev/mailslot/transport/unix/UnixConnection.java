package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import org.jspecify.annotations.Nullable;

/**
 * One writer's connection to a server: its credit, and the frame it is in the middle of.
 * It ends at the end of its stream, or when the writer breaks the wire format
 * ({@link UnixWireFormat}); a message it was in the middle of is dropped, counted, and
 * its credit given back. Not thread-safe: the server uses it under its lock.
 */
final class UnixConnection {

	private static final boolean SHORT_READ_EMPTIES = System.getProperty("os.name", "").startsWith("Linux");

	private final SocketChannel channel;

	private final int maxMessageSize;

	private final UnixCredit credit;

	private final UnixGarbage garbage;

	private final UnixCredit.Account account = new UnixCredit.Account();

	private final ByteBuffer header = ByteBuffer.allocate(UnixWireFormat.HEADER_SIZE);

	private byte @Nullable [] payload;

	private int filled;

	private long stamp = Long.MIN_VALUE;

	/**
	 * The server's clock at the latest look, no later than now: read only when a stamp is
	 * later.
	 */
	private long clock;

	private boolean ended;

	private @Nullable ByteBuffer unsent;

	private long received;

	UnixConnection(SocketChannel channel, int maxMessageSize, UnixCredit credit, UnixGarbage garbage) {
		this.channel = channel;
		this.maxMessageSize = maxMessageSize;
		this.credit = credit;
		this.garbage = garbage;
	}

	UnixCredit.Account account() {
		return this.account;
	}

	/**
	 * Return whether the connection goes on: not at its end, nor cut off.
	 */
	boolean isOpen() {
		return !this.ended;
	}

	/**
	 * Read until the socket would block, or the connection ends. On Linux a read that
	 * takes less than the buffer holds has emptied the socket (its
	 * {@code unix_stream_read_generic} goes on to the next buffer while it has room), so
	 * the read that would find nothing is left out; elsewhere it is made.
	 * @param input a buffer to read into
	 * @param held where whole messages go
	 * @param start when the drain started, earlier than the server's clock at any read
	 * @return how many messages came in whole
	 */
	int drain(ByteBuffer input, UnixHeldMessages held, long start) {
		int whole = 0;
		this.clock = start;
		try {
			while (!this.ended) {
				int read = this.channel.read(input.clear());
				if (read == 0) {
					break;
				}
				if (read < 0) {
					this.ended = true;
					break;
				}
				this.received += read;
				whole += parse(input.flip(), held);
				if (SHORT_READ_EMPTIES && read < input.capacity()) {
					break;
				}
			}
		}
		catch (IOException ex) {
			this.ended = true;
		}
		return whole;
	}

	private int parse(ByteBuffer input, UnixHeldMessages held) {
		int whole = 0;
		while (input.hasRemaining() && !this.ended) {
			byte[] message = this.payload;
			if (message == null) {
				message = readHeader(input);
				if (message == null) {
					continue;
				}
			}
			int count = Math.min(input.remaining(), message.length - this.filled);
			input.get(message, this.filled, count);
			this.filled += count;
			if (this.filled == message.length) {
				this.credit.ended();
				held.add(message, this.stamp, this);
				this.payload = null;
				whole++;
			}
		}
		return whole;
	}

	/**
	 * Read a frame's header, or what has arrived of it, and take its message's credit; or
	 * a request for credit, which the account records.
	 * @return the array for its message, or null if the header is not whole, is a
	 * request, or broke the format
	 */
	private byte @Nullable [] readHeader(ByteBuffer input) {
		while (this.header.hasRemaining() && input.hasRemaining()) {
			this.header.put(input.get());
		}
		if (this.header.hasRemaining()) {
			return null;
		}
		int length = this.header.getInt(0);
		long frameStamp = this.header.getLong(4);
		this.header.clear();
		if (length == UnixWireFormat.REQUEST) {
			if (frameStamp < 0 || frameStamp > this.maxMessageSize) {
				return cutOff(() -> this.garbage.countOversized(frameStamp, this.maxMessageSize));
			}
			this.account.request((int) frameStamp);
			return null;
		}
		if (length < 0 || length > this.maxMessageSize) {
			return cutOff(() -> this.garbage.countOversized(Integer.toUnsignedLong(length), this.maxMessageSize));
		}
		if (frameStamp > this.clock) {
			long now = System.nanoTime();
			this.clock = now;
			if (frameStamp > now) {
				return cutOff(() -> this.garbage.countMisstamped(frameStamp, now));
			}
		}
		if (!this.credit.spend(this.account, length)) {
			return cutOff(this.garbage::countOutOfTurn);
		}
		this.stamp = Math.max(frameStamp, this.stamp);
		this.payload = new byte[length];
		this.filled = 0;
		return this.payload;
	}

	private byte @Nullable [] cutOff(Runnable count) {
		count.run();
		this.ended = true;
		return null;
	}

	/**
	 * Send what the server tells the writer, keeping what the socket takes not yet for
	 * the next send: a writer reads its credit only when it needs it.
	 * @return false if the connection failed
	 */
	boolean send(ByteBuffer bytes) {
		ByteBuffer unsent = this.unsent;
		if (unsent != null) {
			ByteBuffer joined = ByteBuffer.allocate(unsent.remaining() + bytes.remaining());
			bytes = joined.put(unsent).put(bytes).flip();
		}
		try {
			this.channel.write(bytes);
		}
		catch (IOException ex) {
			this.ended = true;
			return false;
		}
		this.unsent = bytes.hasRemaining() ? bytes : null;
		return true;
	}

	/**
	 * Return how many bytes the connection has received.
	 */
	long received() {
		return this.received;
	}

	/**
	 * Close the connection, dropping a message it was in the middle of and giving back
	 * its credit.
	 */
	void close() {
		this.ended = true;
		byte[] partial = this.payload;
		if (partial != null || this.header.position() > 0) {
			this.garbage.countTruncated();
		}
		if (partial != null) {
			this.credit.ended();
			this.credit.release(partial.length);
			this.payload = null;
		}
		this.header.clear();
		this.credit.close(this.account);
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// Closed all the same.
		}
	}

}
