package dev.mailslot.spring.boot.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the {@code network} transport: remote mailslot writes
 * ([MS-MAIL]) over NetBIOS datagrams.
 */
@ConfigurationProperties("mailslot.network")
public class MailslotNetworkProperties {

	/**
	 * Whether to receive and send remote mailslot writes on UDP. Remote mailslots are
	 * unauthenticated, and Windows is retiring them: enable only on a trusted network.
	 */
	private boolean enabled;

	/**
	 * Address to receive on.
	 */
	private InetAddress bindAddress = address(new byte[4]);

	/**
	 * UDP port to receive on and send to: 138, the NetBIOS datagram service (below 1024:
	 * root or CAP_NET_BIND_SERVICE).
	 */
	private int port = 138;

	/**
	 * This host's NetBIOS name, the sender of what it writes. Defaults to the first label
	 * of the host name, in upper case, cut to 15 characters.
	 */
	private @Nullable String netbiosName;

	/**
	 * Workgroup or domain: '\\*\mailslot\...' and '\\<workgroup>\mailslot\...' go to it
	 * as group datagrams.
	 */
	private String workgroup = "WORKGROUP";

	/**
	 * Where group datagrams go: the subnet's broadcast address (the limited broadcast
	 * 255.255.255.255 unless set).
	 */
	private InetAddress broadcastAddress = address(new byte[] { -1, -1, -1, -1 });

	/**
	 * Addresses of NetBIOS host names, looked up before DNS.
	 */
	private Map<String, InetAddress> hosts = new LinkedHashMap<>();

	/**
	 * How long an identical datagram from the same sender is dropped as a duplicate
	 * (Windows sends a remote write on every transport and adapter). 0 keeps every
	 * datagram.
	 */
	private Duration duplicateWindow = Duration.ZERO;

	/**
	 * Networks datagrams are accepted from, such as '192.0.2.0/24'. Empty accepts every
	 * sender.
	 */
	private List<String> allowedSources = new ArrayList<>();

	/**
	 * NetBIOS names this host answers for, such as 'JAVAHOST<00>' or 'WORKGROUP<1D>';
	 * datagrams to other names are dropped. Empty: this host's name <00>, the workgroup's
	 * <00>, <1D> and <1E>, and __MSBROWSE__<01>, as nmbd answers.
	 */
	private List<String> acceptedNames = new ArrayList<>();

	/**
	 * Most messages from the network a server holds; further writes are dropped (and
	 * counted) until it reads, so that unauthenticated senders cannot fill the heap.
	 */
	private int maxQueued = 10_000;

	/**
	 * Receive buffer of the socket (SO_RCVBUF): what the kernel holds while a burst is
	 * read. Datagrams past it are dropped by the kernel and counted as
	 * RECEIVE_BUFFER_FULL. 0 takes the system's default (net.core.rmem_default); more
	 * than net.core.rmem_max is capped there.
	 */
	private DataSize receiveBufferSize = DataSize.ofBytes(0);

	public DataSize getReceiveBufferSize() {
		return this.receiveBufferSize;
	}

	public void setReceiveBufferSize(DataSize receiveBufferSize) {
		this.receiveBufferSize = receiveBufferSize;
	}

	public int getMaxQueued() {
		return this.maxQueued;
	}

	public void setMaxQueued(int maxQueued) {
		this.maxQueued = maxQueued;
	}

	private static InetAddress address(byte[] address) {
		try {
			return InetAddress.getByAddress(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public InetAddress getBindAddress() {
		return this.bindAddress;
	}

	public void setBindAddress(InetAddress bindAddress) {
		this.bindAddress = bindAddress;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public @Nullable String getNetbiosName() {
		return this.netbiosName;
	}

	public void setNetbiosName(@Nullable String netbiosName) {
		this.netbiosName = netbiosName;
	}

	public String getWorkgroup() {
		return this.workgroup;
	}

	public void setWorkgroup(String workgroup) {
		this.workgroup = workgroup;
	}

	public InetAddress getBroadcastAddress() {
		return this.broadcastAddress;
	}

	public void setBroadcastAddress(InetAddress broadcastAddress) {
		this.broadcastAddress = broadcastAddress;
	}

	public Map<String, InetAddress> getHosts() {
		return this.hosts;
	}

	public void setHosts(Map<String, InetAddress> hosts) {
		this.hosts = hosts;
	}

	public Duration getDuplicateWindow() {
		return this.duplicateWindow;
	}

	public void setDuplicateWindow(Duration duplicateWindow) {
		this.duplicateWindow = duplicateWindow;
	}

	public List<String> getAllowedSources() {
		return this.allowedSources;
	}

	public void setAllowedSources(List<String> allowedSources) {
		this.allowedSources = allowedSources;
	}

	public List<String> getAcceptedNames() {
		return this.acceptedNames;
	}

	public void setAcceptedNames(List<String> acceptedNames) {
		this.acceptedNames = acceptedNames;
	}

}
