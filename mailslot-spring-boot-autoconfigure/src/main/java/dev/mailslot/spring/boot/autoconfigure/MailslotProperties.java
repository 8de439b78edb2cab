package dev.mailslot.spring.boot.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.mailslot.MailslotServerOptions;
import dev.mailslot.ReadTimeout;

/**
 * Configuration properties for mailslots.
 */
@ConfigurationProperties("mailslot")
public class MailslotProperties {

	/**
	 * Transport that carries mailslots: 'auto' (win32 on Windows, posix on Linux), 'win32',
	 * 'posix' or 'memory'.
	 */
	private String transport = "auto";

	/**
	 * Mailslot servers by id, each created at start-up and available as a bean named
	 * '<id>MailslotServer'.
	 */
	private final Map<String, Server> servers = new LinkedHashMap<>();

	private final Listener listener = new Listener();

	private final Template template = new Template();

	private final Network network = new Network();

	public String getTransport() {
		return this.transport;
	}

	public void setTransport(String transport) {
		this.transport = transport;
	}

	public Map<String, Server> getServers() {
		return this.servers;
	}

	public Listener getListener() {
		return this.listener;
	}

	public Template getTemplate() {
		return this.template;
	}

	public Network getNetwork() {
		return this.network;
	}

	/**
	 * The {@code MailslotTemplate}.
	 */
	public static class Template {

		/**
		 * Whether String payloads end with a NUL terminator in their charset, as Windows programs
		 * in C write and read text ((lstrlen(text) + 1) * sizeof(TCHAR) bytes).
		 */
		private boolean nulTerminated;

		/**
		 * How long a send waits for room in a full mailslot (posix queues hold a bounded number of
		 * messages) before it fails; it fails at once when the server is gone.
		 */
		private Duration writeTimeout = Duration.ofSeconds(5);

		public Duration getWriteTimeout() {
			return this.writeTimeout;
		}

		public void setWriteTimeout(Duration writeTimeout) {
			this.writeTimeout = writeTimeout;
		}

		public boolean isNulTerminated() {
			return this.nulTerminated;
		}

		public void setNulTerminated(boolean nulTerminated) {
			this.nulTerminated = nulTerminated;
		}

	}

	/**
	 * The {@code network} transport: remote mailslot writes ([MS-MAIL]) over NetBIOS datagrams.
	 */
	public static class Network {

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
		 * UDP port to receive on and send to: 138, the NetBIOS datagram service (below 1024: root or
		 * CAP_NET_BIND_SERVICE).
		 */
		private int port = 138;

		/**
		 * This host's NetBIOS name, the sender of what it writes. Defaults to the first label of the
		 * host name, in upper case, cut to 15 characters.
		 */
		private @Nullable String netbiosName;

		/**
		 * Workgroup or domain: '\\*\mailslot\...' and '\\<workgroup>\mailslot\...' go to it as
		 * group datagrams.
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
		 * How long an identical datagram from the same sender is dropped as a duplicate (Windows sends
		 * a remote write on every transport and adapter). 0 keeps every datagram.
		 */
		private Duration duplicateWindow = Duration.ZERO;

		/**
		 * Networks datagrams are accepted from, such as '192.0.2.0/24'. Empty accepts every sender.
		 */
		private List<String> allowedSources = new ArrayList<>();

		/**
		 * NetBIOS names this host answers for, such as 'JAVAHOST<00>' or 'WORKGROUP<1D>'; datagrams
		 * to other names are dropped. Empty: this host's name <00>, the workgroup's <00>, <1D> and
		 * <1E>, and __MSBROWSE__<01>, as nmbd answers.
		 */
		private List<String> acceptedNames = new ArrayList<>();

		/**
		 * Most messages from the network a server holds; further writes are dropped (and counted)
		 * until it reads, so that unauthenticated senders cannot fill the heap.
		 */
		private int maxQueued = 10_000;

		/**
		 * Receive buffer of the socket (SO_RCVBUF): what the kernel holds while a burst is read.
		 * Datagrams past it are dropped by the kernel and counted as RECEIVE_BUFFER_FULL. 0 takes the
		 * system's default (net.core.rmem_default); more than net.core.rmem_max is capped there.
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

	/**
	 * A mailslot server.
	 */
	public static class Server {

		/**
		 * Mailslot name, such as '\\.\mailslot\orders' or a bare 'orders'. Defaults to the server
		 * id.
		 */
		private @Nullable String name;

		/**
		 * Largest message to accept. 0 accepts any size; the posix transport then takes the
		 * system's largest, fs.mqueue.msgsize_max.
		 */
		private DataSize maxMessageSize = DataSize.ofBytes(0);

		/**
		 * How long a read waits for a message: a duration such as '500ms', '0' to return at once,
		 * or 'forever'.
		 */
		private ReadTimeout readTimeout = ReadTimeout.FOREVER;

		/**
		 * Whether child processes inherit the server handle (win32).
		 */
		private boolean inheritHandle;

		/**
		 * Security descriptor of the mailslot in SDDL, such as 'D:(A;;GA;;;SY)(A;;GA;;;OW)'
		 * (win32). A descriptor without a DACL or with a NULL DACL is refused.
		 */
		private @Nullable String securityDescriptor;

		/**
		 * Permission bits of the message queue, in octal (posix).
		 */
		private String mode = "0600";

		/**
		 * How many messages may wait before writers wait for room; 0 takes the system's
		 * fs.mqueue.msg_default (posix).
		 */
		private int queueCapacity;

		/**
		 * How many messages the server may take off its queue and hold in memory while its
		 * listener does not read (paused, or busy), so that writers go on as with a Windows
		 * mailslot; writers wait for room once the queue is full and this many are held. Takes up
		 * to hold-capacity x the largest message of memory; 0 leaves messages in the queue (posix).
		 */
		private int holdCapacity = MailslotServerOptions.DEFAULT_HOLD_CAPACITY;

		/**
		 * Whether the mode may give every user of the host access to the queue, such as 0622 or
		 * 0666 (posix): any user could then send messages or take them. Refused unless set.
		 */
		private boolean allowWorldAccess;

		/**
		 * Charset of this mailslot's text, for its listeners and the template's String payloads:
		 * 'UTF-16LE' for Windows programs built UNICODE, a code page such as 'windows-1252' for ANSI
		 * builds. Defaults to mailslot.listener.charset.
		 */
		private @Nullable Charset charset;

		/**
		 * Whether the template ends String payloads to this mailslot with a NUL terminator, as
		 * Windows programs in C write and read text. Defaults to mailslot.template.nul-terminated.
		 */
		private @Nullable Boolean nulTerminated;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public ReadTimeout getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(ReadTimeout readTimeout) {
			this.readTimeout = readTimeout;
		}

		public boolean isInheritHandle() {
			return this.inheritHandle;
		}

		public void setInheritHandle(boolean inheritHandle) {
			this.inheritHandle = inheritHandle;
		}

		public @Nullable String getSecurityDescriptor() {
			return this.securityDescriptor;
		}

		public void setSecurityDescriptor(@Nullable String securityDescriptor) {
			this.securityDescriptor = securityDescriptor;
		}

		public String getMode() {
			return this.mode;
		}

		public void setMode(String mode) {
			this.mode = mode;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public int getHoldCapacity() {
			return this.holdCapacity;
		}

		public void setHoldCapacity(int holdCapacity) {
			this.holdCapacity = holdCapacity;
		}

		public boolean isAllowWorldAccess() {
			return this.allowWorldAccess;
		}

		public void setAllowWorldAccess(boolean allowWorldAccess) {
			this.allowWorldAccess = allowWorldAccess;
		}

		public @Nullable Charset getCharset() {
			return this.charset;
		}

		public void setCharset(@Nullable Charset charset) {
			this.charset = charset;
		}

		public @Nullable Boolean getNulTerminated() {
			return this.nulTerminated;
		}

		public void setNulTerminated(@Nullable Boolean nulTerminated) {
			this.nulTerminated = nulTerminated;
		}

	}

	/**
	 * Defaults of {@code @MailslotListener} containers.
	 */
	public static class Listener {

		/**
		 * Whether listeners start with the application.
		 */
		private boolean autoStartup = true;

		/**
		 * Charset of String payloads, for listeners and the template.
		 */
		private Charset charset = StandardCharsets.UTF_8;

		/**
		 * Whether String payloads keep a trailing NUL terminator, which Windows programs in C write
		 * after their text. By default one is dropped.
		 */
		private boolean keepNulTerminator;

		/**
		 * How many messages a listener processes at once. 1 keeps the order in which they were
		 * written.
		 */
		private int concurrency = 1;

		/**
		 * How long a listener's reader waits for a message before it looks again whether it was
		 * paused or stopped.
		 */
		private Duration pollTimeout = Duration.ofSeconds(1);

		/**
		 * How long shutdown waits for a listener to drain its mailslot and finish; messages left
		 * then go to the error handler.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/**
		 * Directory where messages that failed processing are kept, with their metadata.
		 */
		private Path deadLetterDirectory = Path.of("mailslot-dead-letters");

		/**
		 * What to do when a server's mailslot name is in use at start-up.
		 */
		private NameInUse onNameInUse = NameInUse.FAIL;

		/**
		 * How long to wait for a name in use to be freed, when on-name-in-use is 'wait'.
		 */
		private Duration nameInUseWait = Duration.ofSeconds(30);

		private final Retry retry = new Retry();

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

		public Charset getCharset() {
			return this.charset;
		}

		public void setCharset(Charset charset) {
			this.charset = charset;
		}

		public boolean isKeepNulTerminator() {
			return this.keepNulTerminator;
		}

		public void setKeepNulTerminator(boolean keepNulTerminator) {
			this.keepNulTerminator = keepNulTerminator;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public Duration getPollTimeout() {
			return this.pollTimeout;
		}

		public void setPollTimeout(Duration pollTimeout) {
			this.pollTimeout = pollTimeout;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public Path getDeadLetterDirectory() {
			return this.deadLetterDirectory;
		}

		public void setDeadLetterDirectory(Path deadLetterDirectory) {
			this.deadLetterDirectory = deadLetterDirectory;
		}

		public NameInUse getOnNameInUse() {
			return this.onNameInUse;
		}

		public void setOnNameInUse(NameInUse onNameInUse) {
			this.onNameInUse = onNameInUse;
		}

		public Duration getNameInUseWait() {
			return this.nameInUseWait;
		}

		public void setNameInUseWait(Duration nameInUseWait) {
			this.nameInUseWait = nameInUseWait;
		}

		public Retry getRetry() {
			return this.retry;
		}

	}

	/**
	 * Retries of a listener that threw.
	 */
	public static class Retry {

		/**
		 * How many times to call a listener again after it threw; 0 turns retries off.
		 */
		private long maxRetries = 2;

		/**
		 * Delay before the first retry.
		 */
		private Duration delay = Duration.ofSeconds(1);

		/**
		 * Factor by which the delay grows from one retry to the next.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest delay between two retries.
		 */
		private Duration maxDelay = Duration.ofSeconds(10);

		public long getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(long maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

	}

	/**
	 * What to do when a server's mailslot name is in use at start-up.
	 */
	public enum NameInUse {

		/** Stop the application with a report naming the property and the owner. */
		FAIL,

		/** Wait up to name-in-use-wait for the name to be freed, then fail. */
		WAIT

	}

}
