package dev.mailslot.transport.network;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.TransportUnavailableException;
import dev.mailslot.spi.DelegatingMailslotClient;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

/**
 * Remote mailslots over the network, as Windows and Samba hosts write them: [MS-MAIL] writes in
 * NetBIOS datagrams on UDP port 138. Servers are mailslots in this JVM that receive the writes
 * addressed to their name ({@code \MAILSLOT\<path>}, any case), each message with its sender's
 * name and address, the name written to and the datagram type. Clients send
 * {@code \\HOST\mailslot\...} as a unique datagram to {@code HOST<00>} and
 * {@code \\*\mailslot\...} or {@code \\<workgroup>\mailslot\...} as a group datagram to
 * {@code <workgroup><00>} at the broadcast address; {@code \\.\mailslot\...} stays in this JVM.
 * <p>
 * Remote mailslots are unauthenticated, and Windows is retiring them: use this transport only where
 * the network is trusted. Malformed datagrams, fragments, writes over the protocol's limits, writes
 * to names no server holds, disallowed senders and duplicates are counted by reason and dropped;
 * the receiving loop never ends on a bad datagram.
 */
public final class NetworkMailslotTransport implements MailslotTransport, AutoCloseable {

	/** The transport id, as {@code MailslotTransports.get(String)} takes it. */
	public static final String ID = "network";

	private static final System.Logger logger = System.getLogger(NetworkMailslotTransport.class.getName());

	/** The most of a datagram Samba's nmbd reads (its MAX_DGRAM_SIZE); it drops longer ones. */
	static final int SAMBA_MAX_DATAGRAM = 576;

	/** Mailslot names already warned of as Samba would drop their writes. */
	private final Set<String> warnedOfSamba = ConcurrentHashMap.newKeySet();

	private final NetworkOptions options;

	private final MemoryMailslotTransport local = MemoryMailslotTransport.isolated(ID);

	private final NetworkSocket socket;

	private final DatagramReceiver receiver;

	private final AtomicInteger datagramIds = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));

	private final DatagramCounts counts = new DatagramCounts();

	private final DatagramFilter filter;

	private NetworkMailslotTransport(NetworkOptions options, NetworkSocket socket) {
		this.options = options;
		this.filter = new DatagramFilter(options);
		this.socket = socket;
		this.receiver = new DatagramReceiver(socket, this.counts, this::handle);
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
	 * Open a client: on a local name, of this transport's local mailslots; on a remote one, a
	 * client that sends each message as one remote mailslot write. Unacknowledged: a write that
	 * returns was sent, not necessarily received.
	 */
	@Override
	public MailslotClient openClient(MailslotName name) {
		if (name.isLocal()) {
			return this.local.openClient(name);
		}
		return new DelegatingMailslotClient(name, (message) -> {
			byte[] bytes = new byte[message.remaining()];
			message.get(bytes);
			send(name, bytes);
		});
	}

	/**
	 * Send one remote mailslot write.
	 * @param target a remote, domain or {@code *} name
	 * @param data the message
	 */
	void send(MailslotName target, byte[] data) {
		boolean group = target.scope() == MailslotName.Scope.PRIMARY_DOMAIN
				|| target.host().equalsIgnoreCase(this.options.workgroup());
		NetbiosName destination;
		InetAddress address;
		if (group) {
			destination = NetbiosName.of(this.options.workgroup(), 0x00);
			address = this.options.broadcastAddress();
		}
		else {
			try {
				destination = NetbiosName.of(target.host(), 0x00);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidMailslotNameException(target.toString(), "Invalid mailslot name '" + target
						+ "': the host '" + target.host() + "' is not a NetBIOS name: " + ex.getMessage());
			}
			address = resolve(target);
		}
		String mailslot = "\\MAILSLOT\\" + target.path();
		if (!StandardCharsets.US_ASCII.newEncoder().canEncode(mailslot)) {
			throw new InvalidMailslotNameException(target.toString(), "Invalid mailslot name '" + target
					+ "': remote mailslot names are ASCII");
		}
		InetSocketAddress to = new InetSocketAddress(address, this.options.sendPort());
		MailslotDatagram datagram = new MailslotDatagram(group ? DatagramType.DIRECT_GROUP : DatagramType.DIRECT_UNIQUE,
				MailslotDatagram.FIRST, this.datagramIds.getAndIncrement() & 0xFFFF, this.socket.sourceAddressTowards(to),
				getLocalAddress().getPort(), this.options.netbiosName(), destination,
				MailslotDatagram.TransactionFields.DEFAULTS, mailslot, data);
		byte[] bytes;
		try {
			bytes = MailslotDatagramCodec.encode(datagram);
		}
		catch (IllegalArgumentException ex) {
			throw new MessageTooLargeException(target, data.length, MailslotDatagramCodec.MAX_DATA,
					ex.getMessage() + "; nothing was sent");
		}
		warnOfWhatSambaDrops(target, data.length, bytes.length);
		try {
			this.socket.send(bytes, to);
		}
		catch (IOException ex) {
			throw new MailslotException(target, "Cannot send to " + target + " at " + address + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Warn, once per mailslot name, of a write that [MS-MAIL] and Windows accept but Samba's nmbd
	 * drops: a datagram over the {@value #SAMBA_MAX_DATAGRAM} bytes nmbd reads, or no data at all.
	 * It is sent all the same.
	 */
	private void warnOfWhatSambaDrops(MailslotName target, int dataLength, int datagramLength) {
		int maxData = SAMBA_MAX_DATAGRAM - (datagramLength - dataLength);
		String reason = (datagramLength > SAMBA_MAX_DATAGRAM)
				? "its datagram has " + datagramLength + " bytes and nmbd reads at most " + SAMBA_MAX_DATAGRAM
						+ "; to this name, at most " + maxData + " bytes of data reach Samba"
				: (dataLength == 0) ? "it is empty, and nmbd drops empty mailslot writes" : null;
		if (reason != null && this.warnedOfSamba.add(target.toString().toUpperCase(Locale.ROOT))) {
			logger.log(Level.WARNING, "Sent a write to {0} that Windows accepts but Samba''s nmbd drops: {1}. "
					+ "This is said once per mailslot", target, reason);
		}
	}

	private InetAddress resolve(MailslotName target) {
		InetAddress mapped = this.options.hosts().get(target.host().toUpperCase(Locale.ROOT));
		if (mapped != null) {
			return mapped;
		}
		try {
			for (InetAddress candidate : InetAddress.getAllByName(target.host())) {
				if (candidate instanceof Inet4Address) {
					return candidate;
				}
			}
			throw new UnknownHostException(target.host() + " has no IPv4 address");
		}
		catch (UnknownHostException ex) {
			throw new NoSuchMailslotException(target, "Cannot resolve the host '" + target.host() + "' of " + target
					+ "; add it to the network transport's hosts (NetworkOptions hosts) or to DNS");
		}
	}

	private void handle(byte[] payload, InetSocketAddress from) {
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
	 * Return whether the transport is receiving: its receiving thread runs and it is not closed.
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
