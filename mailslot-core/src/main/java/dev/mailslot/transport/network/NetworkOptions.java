package dev.mailslot.transport.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the {@code network} transport receives and sends.
 *
 * @param bind the address and UDP port to receive on; port 138 is the NetBIOS datagram
 * service
 * @param sendPort the UDP port datagrams are sent to (138)
 * @param netbiosName this host's NetBIOS name, the source of what it sends
 * @param workgroup the workgroup or domain: {@code \\*\mailslot\...} and
 * {@code \\<workgroup>\mailslot\...} go to {@code <workgroup><00>} at the broadcast
 * address
 * @param broadcastAddress where group datagrams go
 * @param hosts addresses of host names, looked up before DNS
 * @param duplicateWindow how long an identical datagram from the same sender is dropped
 * as a duplicate (Windows sends a remote write on every transport); zero keeps every
 * datagram
 * @param allowedSources the networks datagrams are accepted from; empty accepts every
 * source
 * @param maxQueued the most messages from the network a server holds; further writes are
 * dropped until it reads, so that unauthenticated senders cannot fill the heap
 * @param acceptedNames the NetBIOS names this host answers for, which datagrams must be
 * addressed to; empty for this host's name and its workgroup's names (see
 * {@link #answersFor()})
 * @param receiveBufferSize the receiving socket's buffer (SO_RCVBUF) in bytes; 0 for the
 * system's
 */
public record NetworkOptions(InetSocketAddress bind, int sendPort, NetbiosName netbiosName, String workgroup,
		InetAddress broadcastAddress, Map<String, InetAddress> hosts, Duration duplicateWindow,
		List<SourceNetwork> allowedSources, int maxQueued, List<NetbiosName> acceptedNames, int receiveBufferSize) {

	/**
	 * {@code \x01\x02__MSBROWSE__\x02<01>}, where master browsers announce themselves to
	 * each other.
	 */
	public static final NetbiosName MSBROWSE = NetbiosName.of("\u0001\u0002__MSBROWSE__\u0002", 0x01);

	/** The number of messages a server holds from the network unless set. */
	public static final int DEFAULT_MAX_QUEUED = 10_000;

	/**
	 * Create options that accept this host's name and its workgroup's names.
	 */
	public NetworkOptions(InetSocketAddress bind, int sendPort, NetbiosName netbiosName, String workgroup,
			InetAddress broadcastAddress, Map<String, InetAddress> hosts, Duration duplicateWindow,
			List<SourceNetwork> allowedSources, int maxQueued) {
		this(bind, sendPort, netbiosName, workgroup, broadcastAddress, hosts, duplicateWindow, allowedSources,
				maxQueued, List.of(), 0);
	}

	public NetworkOptions {
		hosts = Map.copyOf(hosts);
		allowedSources = List.copyOf(allowedSources);
		acceptedNames = List.copyOf(acceptedNames);
		if (receiveBufferSize < 0) {
			throw new IllegalArgumentException("receiveBufferSize " + receiveBufferSize + " must be 0 or more");
		}
		if (maxQueued < 1) {
			throw new IllegalArgumentException("maxQueued " + maxQueued + " must be at least 1");
		}
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

}
