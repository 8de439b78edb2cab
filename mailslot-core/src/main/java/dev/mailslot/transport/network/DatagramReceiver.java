package dev.mailslot.transport.network;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The {@code network} transport's receiving loop: a daemon thread that takes each
 * datagram off the socket and hands its bytes and sender over, until closed. Nothing else
 * ends the loop: a failure to receive or handle one datagram, an OutOfMemoryError
 * included, drops that datagram, counts it and goes on; the report of it cannot end the
 * loop either. Logs under the transport's name.
 */
final class DatagramReceiver {

	private static final System.Logger logger = System.getLogger(NetworkMailslotTransport.class.getName());

	private static final int MAX_DATAGRAM = 65_535;

	private final NetworkSocket socket;

	private final DatagramCounts counts;

	private final BiConsumer<byte[], InetSocketAddress> handler;

	private final Thread thread;

	private volatile boolean closed;

	/**
	 * Create a receiver, not yet started.
	 * @param socket where datagrams come from
	 * @param counts where failures to receive or handle are counted
	 * @param handler what is done with each datagram's bytes and sender, in the receiving
	 * thread
	 */
	DatagramReceiver(NetworkSocket socket, DatagramCounts counts, BiConsumer<byte[], InetSocketAddress> handler) {
		this.socket = socket;
		this.counts = counts;
		this.handler = handler;
		this.thread = new Thread(this::receive, "mailslot-network-receiver");
		this.thread.setDaemon(true);
	}

	/**
	 * Start receiving.
	 */
	void start() {
		this.thread.start();
	}

	/**
	 * Return whether the receiver is receiving: its thread runs and it is not closed.
	 * @return whether datagrams are received
	 */
	boolean isReceiving() {
		return !this.closed && this.thread.isAlive();
	}

	private void receive() {
		ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
		while (!this.closed) {
			try {
				buffer.clear();
				SocketAddress from = this.socket.receive(buffer);
				if (from != null) {
					this.handler.accept(Arrays.copyOf(buffer.array(), buffer.position()), (InetSocketAddress) from);
				}
			}
			catch (ClosedChannelException ex) {
				if (!this.closed) {
					logger.log(Level.ERROR, "Stopped receiving remote mailslot writes: the socket was closed", ex);
				}
				return;
			}
			catch (Throwable ex) {
				this.counts.receiveError();
				reportReceiveError(ex);
			}
		}
	}

	private void reportReceiveError(Throwable failure) {
		try {
			logger.log(Level.WARNING, "Dropped a datagram that failed to be received or handled: {0}", failure);
		}
		catch (Throwable ex) {
			// Counted all the same; the loop goes on.
		}
	}

	/**
	 * Stop receiving: close the socket, which ends the receive the thread waits in, and
	 * wait up to 5 seconds for the thread to end.
	 */
	void close() {
		this.closed = true;
		this.socket.close();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
