package dev.mailslot.transport.network;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import org.jspecify.annotations.Nullable;

import dev.mailslot.TransportUnavailableException;

/**
 * The {@code network} transport's one UDP socket: IPv4, broadcasts allowed, bound where
 * the options say, receiving every datagram and sending every write.
 */
final class NetworkSocket implements AutoCloseable {

	private final DatagramChannel channel;

	private final InetSocketAddress bind;

	private NetworkSocket(DatagramChannel channel, InetSocketAddress bind) {
		this.channel = channel;
		this.bind = bind;
	}

	/**
	 * Open and bind the socket.
	 * @param options where to bind, and the receive buffer's size
	 * @return the bound socket
	 * @throws TransportUnavailableException if the address cannot be bound, saying what
	 * to do
	 */
	static NetworkSocket bind(NetworkOptions options) {
		DatagramChannel channel = null;
		try {
			channel = DatagramChannel.open(StandardProtocolFamily.INET);
			channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
			if (options.receiveBufferSize() > 0) {
				channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBufferSize());
			}
			channel.bind(options.bind());
		}
		catch (IOException ex) {
			closeQuietly(channel);
			String hint = (ex instanceof BindException && options.bind().getPort() < 1024)
					? " Ports below 1024 need root or CAP_NET_BIND_SERVICE; or receive on another port" : "";
			throw new TransportUnavailableException(NetworkMailslotTransport.ID, "Cannot receive remote mailslot "
					+ "writes on " + options.bind() + ": " + ex.getMessage() + "." + hint, ex);
		}
		return new NetworkSocket(channel, options.bind());
	}

	/**
	 * Return where the socket receives.
	 * @return the bound address, or once closed the address it was asked to bind
	 */
	InetSocketAddress localAddress() {
		try {
			return (InetSocketAddress) this.channel.getLocalAddress();
		}
		catch (IOException ex) {
			return this.bind;
		}
	}

	/**
	 * Wait for the next datagram.
	 * @param buffer where its bytes go, from the buffer's position
	 * @return its sender
	 * @throws IOException if receiving fails,
	 * {@link java.nio.channels.ClosedChannelException} once closed
	 */
	@Nullable SocketAddress receive(ByteBuffer buffer) throws IOException {
		return this.channel.receive(buffer);
	}

	/**
	 * Send one datagram.
	 * @param datagram its bytes
	 * @param to where it goes
	 * @throws IOException if it cannot be sent
	 */
	void send(byte[] datagram, InetSocketAddress to) throws IOException {
		this.channel.send(ByteBuffer.wrap(datagram), to);
	}

	/**
	 * Return the SOURCE_IP of a datagram to the given address: the bound address, or,
	 * when bound to every address, the one the host sends from towards that destination
	 * (RFC 1002 4.4.1), found by connecting, which sends nothing; a broadcast destination
	 * needs SO_BROADCAST for that.
	 * @param destination where the datagram goes
	 * @return the IPv4 address as an int, 0 when none is known
	 */
	int sourceAddressTowards(InetSocketAddress destination) {
		InetAddress bound = this.bind.getAddress();
		if (bound instanceof Inet4Address && !bound.isAnyLocalAddress()) {
			return ByteBuffer.wrap(bound.getAddress()).getInt();
		}
		try (DatagramChannel probe = DatagramChannel.open()) {
			probe.setOption(StandardSocketOptions.SO_BROADCAST, true);
			probe.connect(destination);
			InetAddress local = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
			return (local instanceof Inet4Address) ? ByteBuffer.wrap(local.getAddress()).getInt() : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Close the socket, which ends a receive waiting in another thread.
	 */
	@Override
	public void close() {
		closeQuietly(this.channel);
	}

	private static void closeQuietly(@Nullable DatagramChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Nothing was bound.
			}
		}
	}

}
