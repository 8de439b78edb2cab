package dev.mailslot.transport.network;

import java.net.InetSocketAddress;
import java.util.Objects;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.TransportUnavailableException;
import dev.mailslot.spi.DelegatingMailslotClient;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

/**
 * Remote mailslots over the network, as Windows and Samba hosts write them: [MS-MAIL]
 * writes in NetBIOS datagrams on UDP port 138. Servers are mailslots in this JVM that
 * receive the writes addressed to their name ({@code \MAILSLOT\<path>}, any case), each
 * message with its sender's name and address, the name written to and the datagram type.
 * Clients send {@code \\HOST\mailslot\...} as a unique datagram to {@code HOST<00>} and
 * {@code \\*\mailslot\...} or {@code \\<workgroup>\mailslot\...} as a group datagram to
 * {@code <workgroup><00>} at the broadcast address; {@code \\.\mailslot\...} stays in
 * this JVM.
 * <p>
 * Remote mailslots are unauthenticated, and Windows is retiring them: use this transport
 * only where the network is trusted. Malformed datagrams, fragments, writes over the
 * protocol's limits, writes to names no server holds, disallowed senders and duplicates
 * are counted by reason and dropped; the receiving loop never ends on a bad datagram.
 * <p>
 * Everything it logs, its parts included, is logged under this class's name.
 */
public final class NetworkMailslotTransport implements MailslotTransport, AutoCloseable {

	/** The transport id, as {@code MailslotTransports.get(String)} takes it. */
	public static final String ID = "network";

	private final NetworkOptions options;

	private final MemoryMailslotTransport local = MemoryMailslotTransport.isolated(ID);

	private final NetworkSocket socket;

	private final DatagramCounts counts = new DatagramCounts();

	private final DatagramFilter filter;

	private final DatagramReceiver receiver;

	private final MailslotWriteSender sender;

	private NetworkMailslotTransport(NetworkOptions options, NetworkSocket socket) {
		this.options = options;
		this.socket = socket;
		this.filter = new DatagramFilter(options);
		this.receiver = new DatagramReceiver(socket, this.counts, this::deliver);
		this.sender = new MailslotWriteSender(options, socket);
	}

	/**
	 * Bind the receiving socket and start receiving.
	 * @param options where to receive and how to send
	 * @return the running transport; {@link #close()} stops it
	 * @throws TransportUnavailableException if the address cannot be bound
	 */
	public static NetworkMailslotTransport start(NetworkOptions options) {
		NetworkMailslotTransport transport = new NetworkMailslotTransport(options, NetworkSocket.bind(options));
		transport.receiver.start();
		return transport;
	}

	@Override
	public String id() {
		return ID;
	}

	/**
	 * Return where the transport receives.
	 * @return the bound address
	 */
	public InetSocketAddress getLocalAddress() {
		return this.socket.localAddress();
	}

	@Override
	public MailslotServer createServer(MailslotServerOptions options) {
		return this.local.createServer(options);
	}

	/**
	 * Open a client: on a local name, of this transport's local mailslots; on a remote
	 * one, a client that sends each message as one remote mailslot write. Unacknowledged:
	 * a write that returns was sent, not necessarily received.
	 */
	@Override
	public MailslotClient openClient(MailslotName name) {
		if (name.isLocal()) {
			return this.local.openClient(name);
		}
		return new DelegatingMailslotClient(name, (message) -> {
			byte[] bytes = new byte[message.remaining()];
			message.get(bytes);
			this.sender.send(name, bytes);
		});
	}

	/**
	 * Hand a received datagram that the filter accepts to the local server of its
	 * mailslot, at most {@link NetworkOptions#maxQueued()} messages a server; count what
	 * becomes of it.
	 */
	private void deliver(byte[] payload, InetSocketAddress from) {
		this.counts.received();
		DatagramFilter.Verdict verdict = this.filter.filter(payload, from);
		if (verdict instanceof DatagramFilter.Dropped dropped) {
			this.counts.dropped(dropped.reason());
			return;
		}
		DatagramFilter.Accepted write = (DatagramFilter.Accepted) verdict;
		try {
			switch (this.local.deliver(write.mailslot(), write.message(), this.options.maxQueued())) {
				case DELIVERED -> this.counts.delivered();
				case NO_SERVER -> this.counts.dropped(NetworkStatistics.UNKNOWN_MAILSLOT);
				case FULL -> this.counts.dropped(NetworkStatistics.QUEUE_FULL);
			}
		}
		catch (MailslotException ex) {
			this.counts.dropped(NetworkStatistics.REFUSED_BY_SERVER);
		}
	}

	/**
	 * Return whether the transport is receiving: its receiving thread runs and it is not
	 * closed.
	 * @return whether remote writes are received
	 */
	public boolean isReceiving() {
		return this.receiver.isReceiving();
	}

	/**
	 * Return what the transport received, delivered and dropped.
	 * @return the counts
	 */
	public NetworkStatistics statistics() {
		return this.counts.statistics(getLocalAddress(), isReceiving());
	}

	/**
	 * Stop receiving and close the socket. Servers stay usable for local writes.
	 */
	@Override
	public void close() {
		this.receiver.close();
	}

	@Override
	public String toString() {
		return "NetworkMailslotTransport[" + getLocalAddress() + ", " + this.options.netbiosName() + " in "
				+ Objects.toString(this.options.workgroup()) + "]";
	}

}
