package dev.mailslot.transport.network;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotMessage;
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
 */
public final class NetworkMailslotTransport implements MailslotTransport, AutoCloseable {

	/** The transport id, as {@code MailslotTransports.get(String)} takes it. */
	public static final String ID = "network";

	private static final System.Logger logger = System.getLogger(NetworkMailslotTransport.class.getName());

	private static final int MAX_DATAGRAM = 65_535;

	/**
	 * The most of a datagram Samba's nmbd reads (its MAX_DGRAM_SIZE); it drops longer
	 * ones.
	 */
	static final int SAMBA_MAX_DATAGRAM = 576;

	/** Mailslot names already warned of as Samba would drop their writes. */
	private final Set<String> warnedOfSamba = ConcurrentHashMap.newKeySet();

	/**
	 * Most datagrams remembered for duplicate suppression; the oldest are forgotten
	 * first.
	 */
	private static final int MAX_REMEMBERED = 10_000;

	private final NetworkOptions options;

	private final Set<NetbiosName> answersFor;

	private final MemoryMailslotTransport local = MemoryMailslotTransport.isolated(ID);

	private final DatagramChannel channel;

	private final Thread receiver;

	private final AtomicInteger datagramIds = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));

	private final LongAdder received = new LongAdder();

	private final LongAdder delivered = new LongAdder();

	/**
	 * Failures to receive or handle a datagram, counted apart so that counting allocates
	 * nothing.
	 */
	private final LongAdder receiveErrors = new LongAdder();

	private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

	private final Map<String, Long> recent = new LinkedHashMap<>();

	private volatile boolean closed;

	private NetworkMailslotTransport(NetworkOptions options, DatagramChannel channel) {
		this.options = options;
		this.answersFor = options.answersFor();
		this.channel = channel;
		this.receiver = new Thread(this::receive, "mailslot-network-receiver");
		this.receiver.setDaemon(true);
	}

	/**
	 * Bind the receiving socket and start receiving.
	 * @param options where to receive and how to send
	 * @return the running transport; {@link #close()} stops it
	 * @throws TransportUnavailableException if the address cannot be bound
	 */
	public static NetworkMailslotTransport start(NetworkOptions options) {
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
			throw new TransportUnavailableException(ID,
					"Cannot receive remote mailslot writes on " + options.bind() + ": " + ex.getMessage() + "." + hint,
					ex);
		}
		NetworkMailslotTransport transport = new NetworkMailslotTransport(options, channel);
		transport.receiver.start();
		return transport;
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

	@Override
	public String id() {
		return ID;
	}

	/**
	 * Return where the transport receives.
	 * @return the bound address
	 */
	public InetSocketAddress getLocalAddress() {
		try {
			return (InetSocketAddress) this.channel.getLocalAddress();
		}
		catch (IOException ex) {
			return this.options.bind();
		}
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
			throw new InvalidMailslotNameException(target.toString(),
					"Invalid mailslot name '" + target + "': remote mailslot names are ASCII");
		}
		MailslotDatagram datagram = new MailslotDatagram(group ? DatagramType.DIRECT_GROUP : DatagramType.DIRECT_UNIQUE,
				MailslotDatagram.FIRST, this.datagramIds.getAndIncrement() & 0xFFFF, sourceAddress(address),
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
			this.channel.send(ByteBuffer.wrap(bytes), new InetSocketAddress(address, this.options.sendPort()));
		}
		catch (IOException ex) {
			throw new MailslotException(target, "Cannot send to " + target + " at " + address + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Warn, once per mailslot name, of a write that [MS-MAIL] and Windows accept but
	 * Samba's nmbd drops: a datagram over the {@value #SAMBA_MAX_DATAGRAM} bytes nmbd
	 * reads, or no data at all. It is sent all the same.
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

	/**
	 * Return the SOURCE_IP of a datagram to the given address: the bound address, or,
	 * when bound to every address, the one the host sends from towards that destination
	 * (RFC 1002 4.4.1), found by connecting, which sends nothing; a broadcast destination
	 * needs SO_BROADCAST for that.
	 */
	private int sourceAddress(InetAddress destination) {
		InetAddress bound = this.options.bind().getAddress();
		if (bound instanceof Inet4Address && !bound.isAnyLocalAddress()) {
			return ByteBuffer.wrap(bound.getAddress()).getInt();
		}
		try (DatagramChannel probe = DatagramChannel.open()) {
			probe.setOption(StandardSocketOptions.SO_BROADCAST, true);
			probe.connect(new InetSocketAddress(destination, this.options.sendPort()));
			InetAddress local = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
			return (local instanceof Inet4Address) ? ByteBuffer.wrap(local.getAddress()).getInt() : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Receive until closed. Nothing else ends the loop: a failure to receive or handle
	 * one datagram, an OutOfMemoryError included, drops that datagram, counts it and goes
	 * on; the report of it cannot end the loop either.
	 */
	private void receive() {
		ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
		while (!this.closed) {
			try {
				buffer.clear();
				SocketAddress from = this.channel.receive(buffer);
				if (from != null) {
					handle(Arrays.copyOf(buffer.array(), buffer.position()), (InetSocketAddress) from);
				}
			}
			catch (ClosedChannelException ex) {
				if (!this.closed) {
					logger.log(Level.ERROR, "Stopped receiving remote mailslot writes: the socket was closed", ex);
				}
				return;
			}
			catch (Throwable ex) {
				this.receiveErrors.increment();
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

	private void handle(byte[] payload, InetSocketAddress from) {
		this.received.increment();
		if (!allowed(from.getAddress())) {
			drop(NetworkStatistics.DISALLOWED_SOURCE);
			return;
		}
		DecodeResult result = MailslotDatagramCodec.decode(payload, payload.length);
		if (result instanceof DecodeResult.Rejected rejected) {
			drop(rejected.reason().name());
			logger.log(Level.DEBUG, "Dropped a datagram from {0}: {1} ({2})", from, rejected.reason(),
					rejected.detail());
			return;
		}
		MailslotDatagram datagram = ((DecodeResult.Decoded) result).datagram();
		if (!this.answersFor.contains(datagram.destination())) {
			drop(NetworkStatistics.NOT_FOR_THIS_HOST);
			logger.log(Level.DEBUG, "Dropped a datagram from {0} to {1}, a name this host does not answer for", from,
					datagram.destination());
			return;
		}
		if (duplicate(from, datagram)) {
			drop(NetworkStatistics.DUPLICATE);
			return;
		}
		MailslotName name;
		try {
			name = MailslotName.local(datagram.mailslot().substring("\\MAILSLOT\\".length()));
		}
		catch (InvalidMailslotNameException ex) {
			drop(DatagramRejection.BAD_MAILSLOT_NAME.name());
			return;
		}
		Map<String, String> attributes = Map.of(MailslotMessage.Attributes.SENDER, datagram.source().toString(),
				MailslotMessage.Attributes.SENDER_ADDRESS, from.getAddress().getHostAddress() + ":" + from.getPort(),
				MailslotMessage.Attributes.DESTINATION, datagram.destination().toString(),
				MailslotMessage.Attributes.DATAGRAM_TYPE, datagram.type().name());
		try {
			switch (this.local.deliver(name, new MailslotMessage(datagram.data(), attributes),
					this.options.maxQueued())) {
				case DELIVERED -> this.delivered.increment();
				case NO_SERVER -> drop(NetworkStatistics.UNKNOWN_MAILSLOT);
				case FULL -> drop(NetworkStatistics.QUEUE_FULL);
			}
		}
		catch (MailslotException ex) {
			drop(NetworkStatistics.REFUSED_BY_SERVER);
		}
	}

	private boolean allowed(InetAddress source) {
		return this.options.allowedSources().isEmpty()
				|| this.options.allowedSources().stream().anyMatch((network) -> network.contains(source));
	}

	/**
	 * Return whether the same mailslot write came from the same sender within the window
	 * of its first sighting. A write is remembered by a SHA-256 digest of its decoded
	 * fields (names, mailslot and data), so that each costs the same small memory
	 * whatever a datagram carries after the message; at most {@value #MAX_REMEMBERED} are
	 * remembered.
	 */
	private boolean duplicate(InetSocketAddress from, MailslotDatagram datagram) {
		long window = this.options.duplicateWindow().toNanos();
		if (window <= 0) {
			return false;
		}
		long now = System.nanoTime();
		String key = from + "|" + HexFormat.of().formatHex(digest(datagram));
		synchronized (this.recent) {
			Iterator<Long> seen = this.recent.values().iterator();
			while (seen.hasNext()) {
				long first = seen.next();
				if (now - first <= window && this.recent.size() < MAX_REMEMBERED) {
					break;
				}
				seen.remove();
			}
			Long first = this.recent.putIfAbsent(key, now);
			return first != null;
		}
	}

	private static byte[] digest(MailslotDatagram datagram) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
		digest.update((datagram.type() + "|" + datagram.source() + "|" + datagram.destination() + "|"
				+ datagram.mailslot() + "|")
			.getBytes(StandardCharsets.UTF_8));
		digest.update(datagram.data());
		return digest.digest();
	}

	/**
	 * Return whether the transport is receiving: its receiving thread runs and it is not
	 * closed.
	 * @return whether remote writes are received
	 */
	public boolean isReceiving() {
		return !this.closed && this.receiver.isAlive();
	}

	private void drop(String reason) {
		this.dropped.computeIfAbsent(reason, (key) -> new LongAdder()).increment();
	}

	/**
	 * Return what the transport received, delivered and dropped.
	 * @return the counts
	 */
	public NetworkStatistics statistics() {
		Map<String, Long> drops = new LinkedHashMap<>();
		this.dropped.forEach((reason, count) -> drops.put(reason, count.sum()));
		long kernelDrops = UdpSocketDrops.of(getLocalAddress()).orElse(0);
		if (kernelDrops > 0) {
			drops.put(NetworkStatistics.RECEIVE_BUFFER_FULL, kernelDrops);
		}
		long receiveErrors = this.receiveErrors.sum();
		if (receiveErrors > 0) {
			drops.merge(NetworkStatistics.RECEIVE_ERROR, receiveErrors, Long::sum);
		}
		return new NetworkStatistics(this.received.sum(), this.delivered.sum(), drops, isReceiving());
	}

	/**
	 * Stop receiving and close the socket. Servers stay usable for local writes.
	 */
	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.channel);
		try {
			this.receiver.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "NetworkMailslotTransport[" + getLocalAddress() + ", " + this.options.netbiosName() + " in "
				+ Objects.toString(this.options.workgroup()) + "]";
	}

}
