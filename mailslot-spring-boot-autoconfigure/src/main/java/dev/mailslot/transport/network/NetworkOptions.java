package dev.mailslot.transport.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the {@code network} transport receives and sends.
 *
 * @param bind the address and UDP port to receive on; port 138 is the NetBIOS datagram service
 * @param sendPort the UDP port datagrams are sent to (138)
 * @param netbiosName this host's NetBIOS name, the source of what it sends
 * @param workgroup the workgroup or domain: {@code \\*\mailslot\...} and
 * {@code \\<workgroup>\mailslot\...} go to {@code <workgroup><00>} at the broadcast address
 * @param broadcastAddress where group datagrams go
 * @param hosts addresses of host names, looked up before DNS
 * @param duplicateWindow how long an identical datagram from the same sender is dropped as a
 * duplicate (Windows sends a remote write on every transport); zero keeps every datagram
 * @param allowedSources the networks datagrams are accepted from; empty accepts every source
 * @param maxQueued the most messages from the network a server holds; further writes are dropped
 * until it reads, so that unauthenticated senders cannot fill the heap
 */
public record NetworkOptions(InetSocketAddress bind, int sendPort, NetbiosName netbiosName, String workgroup,
		InetAddress broadcastAddress, Map<String, InetAddress> hosts, Duration duplicateWindow,
		List<SourceNetwork> allowedSources, int maxQueued) {

	/** The number of messages a server holds from the network unless set. */
	public static final int DEFAULT_MAX_QUEUED = 10_000;

	public NetworkOptions {
		hosts = Map.copyOf(hosts);
		allowedSources = List.copyOf(allowedSources);
		if (maxQueued < 1) {
			throw new IllegalArgumentException("maxQueued " + maxQueued + " must be at least 1");
		}
	}

}
