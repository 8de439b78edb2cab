package dev.mailslot.transport.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How the {@code network} transport receives and sends. Build one with
 * {@link #builder()}; only this host's NetBIOS name has no default.
 */
public final class NetworkOptions {

	/**
	 * {@code \x01\x02__MSBROWSE__\x02<01>}, where master browsers announce themselves to
	 * each other.
	 */
	public static final NetbiosName MSBROWSE = NetbiosName.of("\u0001\u0002__MSBROWSE__\u0002", 0x01);

	/**
	 * The UDP port of the NetBIOS datagram service, where Windows and Samba receive and
	 * send.
	 */
	public static final int DEFAULT_PORT = 138;

	/** The workgroup unless set, as Windows and Samba name it by default. */
	public static final String DEFAULT_WORKGROUP = "WORKGROUP";

	/** The number of messages a server holds from the network unless set. */
	public static final int DEFAULT_MAX_QUEUED = 10_000;

	private final InetSocketAddress bind;

	private final int sendPort;

	private final NetbiosName netbiosName;

	private final String workgroup;

	private final InetAddress broadcastAddress;

	private final Map<String, InetAddress> hosts;

	private final Duration duplicateWindow;

	private final List<SourceNetwork> allowedSources;

	private final int maxQueued;

	private final List<NetbiosName> acceptedNames;

	private final int receiveBufferSize;

	private NetworkOptions(Builder builder, NetbiosName netbiosName) {
		this.bind = builder.bind;
		this.sendPort = builder.sendPort;
		this.netbiosName = netbiosName;
		this.workgroup = builder.workgroup;
		this.broadcastAddress = builder.broadcastAddress;
		this.hosts = Map.copyOf(builder.hosts);
		this.duplicateWindow = builder.duplicateWindow;
		this.allowedSources = List.copyOf(builder.allowedSources);
		this.maxQueued = builder.maxQueued;
		this.acceptedNames = List.copyOf(builder.acceptedNames);
		this.receiveBufferSize = builder.receiveBufferSize;
	}

	/**
	 * Start options that receive on every address at port {@value #DEFAULT_PORT}, send to
	 * that port, in {@value #DEFAULT_WORKGROUP}, with group writes to
	 * {@code 255.255.255.255}.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the address and UDP port to receive on.
	 * @return the address to bind
	 */
	public InetSocketAddress bind() {
		return this.bind;
	}

	/**
	 * Return the UDP port datagrams are sent to.
	 * @return the port, {@value #DEFAULT_PORT} unless set
	 */
	public int sendPort() {
		return this.sendPort;
	}

	/**
	 * Return this host's NetBIOS name, the source of what it sends.
	 * @return the name
	 */
	public NetbiosName netbiosName() {
		return this.netbiosName;
	}

	/**
	 * Return the workgroup or domain: {@code \\*\mailslot\...} and
	 * {@code \\<workgroup>\mailslot\...} go to {@code <workgroup><00>} at the broadcast
	 * address.
	 * @return the workgroup
	 */
	public String workgroup() {
		return this.workgroup;
	}

	/**
	 * Return where group datagrams go.
	 * @return the broadcast address
	 */
	public InetAddress broadcastAddress() {
		return this.broadcastAddress;
	}

	/**
	 * Return the addresses of host names, looked up before DNS.
	 * @return the addresses by host name in upper case
	 */
	public Map<String, InetAddress> hosts() {
		return this.hosts;
	}

	/**
	 * Return how long an identical datagram from the same sender is dropped as a
	 * duplicate (Windows sends a remote write on every transport).
	 * @return the window; zero keeps every datagram
	 */
	public Duration duplicateWindow() {
		return this.duplicateWindow;
	}

	/**
	 * Return the networks datagrams are accepted from.
	 * @return the networks; empty accepts every source
	 */
	public List<SourceNetwork> allowedSources() {
		return this.allowedSources;
	}

	/**
	 * Return the most messages from the network a server holds; further writes are
	 * dropped until it reads, so that unauthenticated senders cannot fill the heap.
	 * @return the number of messages
	 */
	public int maxQueued() {
		return this.maxQueued;
	}

	/**
	 * Return the NetBIOS names this host answers for, as given.
	 * @return the names; empty for this host's name and its workgroup's names (see
	 * {@link #answersFor()})
	 */
	public List<NetbiosName> acceptedNames() {
		return this.acceptedNames;
	}

	/**
	 * Return the receiving socket's buffer (SO_RCVBUF) in bytes.
	 * @return the size; 0 for the system's
	 */
	public int receiveBufferSize() {
		return this.receiveBufferSize;
	}

	/**
	 * Return the names datagrams must be addressed to: the accepted names if given, else,
	 * as nmbd answers, this host's name ({@code <00>}), its workgroup's ({@code <00>},
	 * {@code <1D>} the master browser, {@code <1E>} browser elections) and the master
	 * browsers' {@link #MSBROWSE}, without scope.
	 * @return the names
	 */
	public Set<NetbiosName> answersFor() {
		if (!this.acceptedNames.isEmpty()) {
			return Set.copyOf(this.acceptedNames);
		}
		return Set.copyOf(List.of(NetbiosName.of(this.netbiosName.name(), 0x00), NetbiosName.of(this.workgroup, 0x00),
				NetbiosName.of(this.workgroup, 0x1D), NetbiosName.of(this.workgroup, 0x1E), MSBROWSE));
	}

	@Override
	public String toString() {
		return "NetworkOptions[bind=" + this.bind + ", sendPort=" + this.sendPort + ", netbiosName=" + this.netbiosName
				+ ", workgroup=" + this.workgroup + ", broadcastAddress=" + this.broadcastAddress + ", hosts="
				+ this.hosts + ", duplicateWindow=" + this.duplicateWindow + ", allowedSources=" + this.allowedSources
				+ ", maxQueued=" + this.maxQueued + ", acceptedNames=" + this.acceptedNames + ", receiveBufferSize="
				+ this.receiveBufferSize + "]";
	}

	/**
	 * Builds {@link NetworkOptions}. Each setter checks its value and says what to give
	 * instead; {@link #build()} needs this host's NetBIOS name.
	 */
	public static final class Builder {

		private InetSocketAddress bind = new InetSocketAddress(ipv4(0), DEFAULT_PORT);

		private int sendPort = DEFAULT_PORT;

		private @Nullable NetbiosName netbiosName;

		private String workgroup = DEFAULT_WORKGROUP;

		private InetAddress broadcastAddress = ipv4(0xFF);

		private final Map<String, InetAddress> hosts = new LinkedHashMap<>();

		private Duration duplicateWindow = Duration.ZERO;

		private final List<SourceNetwork> allowedSources = new ArrayList<>();

		private int maxQueued = DEFAULT_MAX_QUEUED;

		private final List<NetbiosName> acceptedNames = new ArrayList<>();

		private int receiveBufferSize;

		private Builder() {
		}

		private static InetAddress ipv4(int eachByte) {
			byte value = (byte) eachByte;
			try {
				return InetAddress.getByAddress(new byte[] { value, value, value, value });
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("Four bytes are an IPv4 address", ex);
			}
		}

		/**
		 * Set the address and UDP port to receive on; port 138 is the NetBIOS datagram
		 * service, and ports below 1024 need root or CAP_NET_BIND_SERVICE.
		 * @param bind the address and port, port 0 for any free one
		 * @return this builder
		 */
		public Builder bind(InetSocketAddress bind) {
			Objects.requireNonNull(bind, "bind must not be null");
			if (bind.isUnresolved()) {
				throw new IllegalArgumentException("bind " + bind + " is unresolved; give an address of this host, "
						+ "or 0.0.0.0 for every address");
			}
			this.bind = bind;
			return this;
		}

		/**
		 * Set the UDP port datagrams are sent to.
		 * @param sendPort the port peers receive on, {@value #DEFAULT_PORT} for Windows
		 * and Samba
		 * @return this builder
		 */
		public Builder sendPort(int sendPort) {
			if (sendPort < 1 || sendPort > 0xFFFF) {
				throw new IllegalArgumentException("sendPort " + sendPort + " is outside 1 to 65535; give the UDP port "
						+ "peers receive on, " + DEFAULT_PORT + " for Windows and Samba");
			}
			this.sendPort = sendPort;
			return this;
		}

		/**
		 * Set this host's NetBIOS name, the source of what it sends and, unless
		 * {@link #acceptedNames(Collection) accepted names} are set, a name it answers
		 * for.
		 * @param netbiosName the name, such as {@code NetbiosName.of("MYHOST", 0x00)}
		 * @return this builder
		 */
		public Builder netbiosName(NetbiosName netbiosName) {
			this.netbiosName = Objects.requireNonNull(netbiosName, "netbiosName must not be null");
			return this;
		}

		/**
		 * Set the workgroup or domain: {@code \\*\mailslot\...} and
		 * {@code \\<workgroup>\mailslot\...} go to {@code <workgroup><00>} at the
		 * broadcast address.
		 * @param workgroup the workgroup, a NetBIOS name of up to 15 characters
		 * @return this builder
		 */
		public Builder workgroup(String workgroup) {
			Objects.requireNonNull(workgroup, "workgroup must not be null");
			try {
				NetbiosName.of(workgroup, 0x00);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"workgroup '" + workgroup + "' is not a NetBIOS name: " + ex.getMessage()
								+ "; give the workgroup or domain's NetBIOS name, such as " + DEFAULT_WORKGROUP,
						ex);
			}
			this.workgroup = workgroup;
			return this;
		}

		/**
		 * Set where group datagrams go.
		 * @param broadcastAddress the broadcast address of the network,
		 * {@code 255.255.255.255} unless set
		 * @return this builder
		 */
		public Builder broadcastAddress(InetAddress broadcastAddress) {
			this.broadcastAddress = Objects.requireNonNull(broadcastAddress, "broadcastAddress must not be null");
			return this;
		}

		/**
		 * Set the addresses of host names, looked up before DNS, replacing those set
		 * before. Names match in any case.
		 * @param hosts the addresses by host name
		 * @return this builder
		 */
		public Builder hosts(Map<String, InetAddress> hosts) {
			Objects.requireNonNull(hosts, "hosts must not be null");
			this.hosts.clear();
			hosts.forEach((host, address) -> this.hosts.put(host.toUpperCase(Locale.ROOT),
					Objects.requireNonNull(address, () -> "hosts has no address for '" + host + "'")));
			return this;
		}

		/**
		 * Set how long an identical datagram from the same sender is dropped as a
		 * duplicate. Windows sends a remote write once on every transport and adapter, so
		 * a window of a few seconds keeps one of each.
		 * @param duplicateWindow the window; zero keeps every datagram
		 * @return this builder
		 */
		public Builder duplicateWindow(Duration duplicateWindow) {
			Objects.requireNonNull(duplicateWindow, "duplicateWindow must not be null");
			if (duplicateWindow.isNegative()) {
				throw new IllegalArgumentException("duplicateWindow " + duplicateWindow + " is negative; give zero to "
						+ "keep every datagram, or how long a repeated datagram counts as a duplicate");
			}
			this.duplicateWindow = duplicateWindow;
			return this;
		}

		/**
		 * Set the networks datagrams are accepted from, replacing those set before.
		 * @param allowedSources the networks; empty accepts every source
		 * @return this builder
		 */
		public Builder allowedSources(Collection<SourceNetwork> allowedSources) {
			Objects.requireNonNull(allowedSources, "allowedSources must not be null");
			this.allowedSources.clear();
			this.allowedSources.addAll(allowedSources);
			return this;
		}

		/**
		 * Set the most messages from the network a server holds; further writes are
		 * dropped, and counted, until it reads.
		 * @param maxQueued the number of messages, {@value #DEFAULT_MAX_QUEUED} unless
		 * set
		 * @return this builder
		 */
		public Builder maxQueued(int maxQueued) {
			if (maxQueued < 1) {
				throw new IllegalArgumentException("maxQueued " + maxQueued + " is less than 1; give how many "
						+ "messages from the network a server may hold, such as " + DEFAULT_MAX_QUEUED);
			}
			this.maxQueued = maxQueued;
			return this;
		}

		/**
		 * Set the NetBIOS names this host answers for, which datagrams must be addressed
		 * to, replacing those set before.
		 * @param acceptedNames the names; empty for this host's name and its workgroup's
		 * names (see {@link NetworkOptions#answersFor()})
		 * @return this builder
		 */
		public Builder acceptedNames(Collection<NetbiosName> acceptedNames) {
			Objects.requireNonNull(acceptedNames, "acceptedNames must not be null");
			this.acceptedNames.clear();
			this.acceptedNames.addAll(acceptedNames);
			return this;
		}

		/**
		 * Set the receiving socket's buffer (SO_RCVBUF); a larger one drops fewer
		 * datagrams in a burst.
		 * @param receiveBufferSize the size in bytes; 0 for the system's
		 * @return this builder
		 */
		public Builder receiveBufferSize(int receiveBufferSize) {
			if (receiveBufferSize < 0) {
				throw new IllegalArgumentException("receiveBufferSize " + receiveBufferSize + " is negative; give 0 "
						+ "for the system's default, or a size in bytes");
			}
			this.receiveBufferSize = receiveBufferSize;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 * @throws IllegalStateException if no NetBIOS name was set
		 */
		public NetworkOptions build() {
			NetbiosName name = this.netbiosName;
			if (name == null) {
				throw new IllegalStateException("No NetBIOS name: set this host's with "
						+ "netbiosName(NetbiosName.of(\"MYHOST\", 0x00)), the name Windows and Samba hosts know it by");
			}
			return new NetworkOptions(this, name);
		}

	}

}
