package dev.mailslot.spring.boot.autoconfigure;

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
import dev.mailslot.spring.listener.adapter.PerMessageReplyTargets.Reach;

/**
 * Configuration properties for mailslots.
 */
@ConfigurationProperties("mailslot")
public class MailslotProperties {

	/**
	 * Transport that carries mailslots: 'auto' (win32 on Windows, posix on Linux, unix on
	 * macOS and the BSDs), 'win32', 'posix', 'unix', 'memory', or 'network' (with
	 * mailslot.network.enabled).
	 */
	private String transport = "auto";

	/**
	 * Mailslot servers by id, each created at start-up and available as a bean named
	 * '<id>MailslotServer'. An option an entry does not set comes from
	 * mailslot.server-defaults, then from the built-in default.
	 */
	private final Map<String, Server> servers = new LinkedHashMap<>();

	/**
	 * Options of every server the application creates, where its own mailslot.servers
	 * entry does not set them, and what to do when a name is in use.
	 */
	private final ServerDefaults serverDefaults = new ServerDefaults();

	/**
	 * Charset of String payloads, for listeners and the template; a server's charset
	 * overrides it for its mailslot.
	 */
	private Charset charset = StandardCharsets.UTF_8;

	private final Listener listener = new Listener();

	private final Template template = new Template();

	private final Posix posix = new Posix();

	private final Unix unix = new Unix();

	public String getTransport() {
		return this.transport;
	}

	public void setTransport(String transport) {
		this.transport = transport;
	}

	public Map<String, Server> getServers() {
		return this.servers;
	}

	public ServerDefaults getServerDefaults() {
		return this.serverDefaults;
	}

	public Charset getCharset() {
		return this.charset;
	}

	public void setCharset(Charset charset) {
		this.charset = charset;
	}

	public Listener getListener() {
		return this.listener;
	}

	public Template getTemplate() {
		return this.template;
	}

	public Posix getPosix() {
		return this.posix;
	}

	public Unix getUnix() {
		return this.unix;
	}

	/**
	 * The posix transport, for all its servers together.
	 */
	public static class Posix {

		/**
		 * Memory that all posix mailslots of the application may use together to hold
		 * messages beyond their queues while their listeners do not read; past it,
		 * messages wait in the queues and writers wait for room. An eighth of the maximum
		 * heap unless set.
		 */
		private @Nullable DataSize holdMemory;

		public @Nullable DataSize getHoldMemory() {
			return this.holdMemory;
		}

		public void setHoldMemory(@Nullable DataSize holdMemory) {
			this.holdMemory = holdMemory;
		}

	}

	/**
	 * The unix transport.
	 */
	public static class Unix {

		/**
		 * Directory of the unix transport's sockets: an absolute path of at most 42
		 * bytes, which the server's user owns and others may not write to (created with
		 * mode 0700). Unless set, the system property dev.mailslot.unix.directory, the
		 * environment variable MAILSLOT_UNIX_DIRECTORY, or else /tmp/mailslot-<uid>.
		 */
		private @Nullable Path directory;

		public @Nullable Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable Path directory) {
			this.directory = directory;
		}

	}

	/**
	 * The {@code MailslotTemplate}.
	 */
	public static class Template {

		/**
		 * Whether String payloads end with a NUL terminator in their charset, as Windows
		 * programs in C write and read text ((lstrlen(text) + 1) * sizeof(TCHAR) bytes).
		 */
		private boolean nulTerminated;

		/**
		 * How long a send waits for room in a full mailslot (posix queues hold a bounded
		 * number of messages) before it fails; it fails at once when the server is gone.
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
	 * Options of a mailslot server that its transport reads at creation, with their
	 * built-in defaults.
	 */
	public static class ServerOptions {

		/**
		 * Largest message to accept. 0 accepts any size; the posix transport then takes
		 * the system's largest, fs.mqueue.msgsize_max.
		 */
		private DataSize maxMessageSize = DataSize.ofBytes(0);

		/**
		 * How long a read waits for a message: a duration such as '500ms', '0' to return
		 * at once, or 'forever'.
		 */
		private ReadTimeout readTimeout = ReadTimeout.FOREVER;

		/**
		 * Whether child processes inherit the server handle (win32).
		 */
		private boolean inheritHandle;

		/**
		 * Security descriptor of the mailslot in SDDL, such as
		 * 'D:(A;;GA;;;SY)(A;;GA;;;OW)' (win32). A descriptor without a DACL or with a
		 * NULL DACL is refused.
		 */
		private @Nullable String securityDescriptor;

		/**
		 * Permission bits of the message queue, in octal (posix).
		 */
		private String mode = "0600";

		/**
		 * How many messages may wait in the queue (posix). 0 takes the system's
		 * fs.mqueue.msg_default, or fewer so that all the application's mailslots fit in
		 * RLIMIT_MSGQUEUE; a number is created as given.
		 */
		private int queueCapacity;

		/**
		 * How many messages the server may take off its queue and hold in memory while
		 * its listener does not read (paused, or busy), so that writers go on as with a
		 * Windows mailslot; writers wait for room once the queue is full and this many
		 * are held. Takes up to hold-capacity x the largest message of memory; 0 leaves
		 * messages in the queue (posix).
		 */
		private int holdCapacity = MailslotServerOptions.DEFAULT_HOLD_CAPACITY;

		/**
		 * Whether the mode may give every user of the host access to the queue, such as
		 * 0622 or 0666 (posix): any user could then send messages or take them. Refused
		 * unless set.
		 */
		private boolean allowWorldAccess;

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

	}

	/**
	 * A mailslot server. Each option left unset here takes the one of
	 * {@code mailslot.server-defaults}, then the built-in default.
	 */
	public static class Server {

		/**
		 * Mailslot name, such as '\\.\mailslot\orders' or a bare 'orders'. Defaults to
		 * the server id.
		 */
		private @Nullable String name;

		/**
		 * Largest message to accept. Defaults to
		 * mailslot.server-defaults.max-message-size.
		 */
		private @Nullable DataSize maxMessageSize;

		/**
		 * How long a read waits for a message. Defaults to
		 * mailslot.server-defaults.read-timeout.
		 */
		private @Nullable ReadTimeout readTimeout;

		/**
		 * Whether child processes inherit the server handle (win32). Defaults to
		 * mailslot.server-defaults.inherit-handle.
		 */
		private @Nullable Boolean inheritHandle;

		/**
		 * Security descriptor of the mailslot in SDDL (win32). Defaults to
		 * mailslot.server-defaults.security-descriptor.
		 */
		private @Nullable String securityDescriptor;

		/**
		 * Permission bits of the message queue, in octal (posix). Defaults to
		 * mailslot.server-defaults.mode.
		 */
		private @Nullable String mode;

		/**
		 * How many messages may wait before writers wait for room (posix). Defaults to
		 * mailslot.server-defaults.queue-capacity.
		 */
		private @Nullable Integer queueCapacity;

		/**
		 * How many messages the server may hold in memory while its listener does not
		 * read (posix). Defaults to mailslot.server-defaults.hold-capacity.
		 */
		private @Nullable Integer holdCapacity;

		/**
		 * Whether the mode may give every user of the host access to the queue (posix).
		 * Defaults to mailslot.server-defaults.allow-world-access.
		 */
		private @Nullable Boolean allowWorldAccess;

		/**
		 * Charset of this mailslot's text, for its listeners and the template's String
		 * payloads: 'UTF-16LE' for Windows programs built UNICODE, a code page such as
		 * 'windows-1252' for ANSI builds. Defaults to mailslot.charset.
		 */
		private @Nullable Charset charset;

		/**
		 * Whether the template ends String payloads to this mailslot with a NUL
		 * terminator, as Windows programs in C write and read text. Defaults to
		 * mailslot.template.nul-terminated.
		 */
		private @Nullable Boolean nulTerminated;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(@Nullable DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public @Nullable ReadTimeout getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(@Nullable ReadTimeout readTimeout) {
			this.readTimeout = readTimeout;
		}

		public @Nullable Boolean getInheritHandle() {
			return this.inheritHandle;
		}

		public void setInheritHandle(@Nullable Boolean inheritHandle) {
			this.inheritHandle = inheritHandle;
		}

		public @Nullable String getSecurityDescriptor() {
			return this.securityDescriptor;
		}

		public void setSecurityDescriptor(@Nullable String securityDescriptor) {
			this.securityDescriptor = securityDescriptor;
		}

		public @Nullable String getMode() {
			return this.mode;
		}

		public void setMode(@Nullable String mode) {
			this.mode = mode;
		}

		public @Nullable Integer getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(@Nullable Integer queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public @Nullable Integer getHoldCapacity() {
			return this.holdCapacity;
		}

		public void setHoldCapacity(@Nullable Integer holdCapacity) {
			this.holdCapacity = holdCapacity;
		}

		public @Nullable Boolean getAllowWorldAccess() {
			return this.allowWorldAccess;
		}

		public void setAllowWorldAccess(@Nullable Boolean allowWorldAccess) {
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
	 * How servers are created: what to do when a name is in use, and the options of every
	 * server the application creates where its own {@code mailslot.servers} entry does
	 * not set them.
	 */
	public static class ServerDefaults extends ServerOptions {

		/**
		 * What to do when a server's mailslot name is in use at start-up.
		 */
		private NameInUse onNameInUse = NameInUse.FAIL;

		/**
		 * How long to wait for a name in use to be freed, when on-name-in-use is 'wait'.
		 */
		private Duration nameInUseWait = Duration.ofSeconds(30);

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
		 * Whether String payloads keep a trailing NUL terminator, which Windows programs
		 * in C write after their text. By default one is dropped.
		 */
		private boolean keepNulTerminator;

		/**
		 * How many messages a listener processes at once. 1 keeps the order in which they
		 * were written.
		 */
		private int concurrency = 1;

		/**
		 * How long a listener's reader waits for a message at a time; a pause or stop
		 * wakes it at once.
		 */
		private Duration pollTimeout = Duration.ofSeconds(1);

		/**
		 * How long shutdown waits for a listener to drain its mailslot, a message or
		 * batch at a time, and finish; messages still in the mailslot then stay there for
		 * its close, which deletes and counts them, and calls still running are logged as
		 * in flight.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/**
		 * After how long without a message a running listener publishes a
		 * ListenerContainerIdleEvent, and again each time as long. Not set: no idle
		 * events.
		 */
		private @Nullable Duration idleEventInterval;

		/**
		 * Whether listeners take single messages or batches, unless a listener's batch
		 * attribute says otherwise.
		 */
		private Type type = Type.SINGLE;

		private final Batch batch = new Batch();

		private final DeadLetter deadLetter = new DeadLetter();

		private final Retry retry = new Retry();

		private final Reply reply = new Reply();

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
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

		public @Nullable Duration getIdleEventInterval() {
			return this.idleEventInterval;
		}

		public void setIdleEventInterval(@Nullable Duration idleEventInterval) {
			this.idleEventInterval = idleEventInterval;
		}

		public Type getType() {
			return this.type;
		}

		public void setType(Type type) {
			this.type = type;
		}

		public Batch getBatch() {
			return this.batch;
		}

		public DeadLetter getDeadLetter() {
			return this.deadLetter;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public Reply getReply() {
			return this.reply;
		}

	}

	/**
	 * What a listener takes at a time.
	 */
	public enum Type {

		/** One message at a time. */
		SINGLE,

		/** A batch of messages at a time. */
		BATCH

	}

	/**
	 * How batch listeners' batches are made.
	 */
	public static class Batch {

		/**
		 * Most messages a batch listener gets in one call.
		 */
		private int maxSize = 100;

		/**
		 * How long, after a batch's first message, the reader waits for more before it
		 * calls the listener. 0 takes only the messages already waiting.
		 */
		private Duration maxWait = Duration.ZERO;

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * Where listeners keep the messages they failed to process.
	 */
	public static class DeadLetter {

		/**
		 * Directory where messages that failed processing are kept, with their metadata.
		 */
		private Path directory = Path.of("mailslot-dead-letters");

		/**
		 * Server id or mailslot name to write failed messages to, as they were read; the
		 * directory keeps those that cannot be written there. Not set: the directory
		 * keeps every failed message.
		 */
		private @Nullable String mailslot;

		/**
		 * Server ids or mailslot names, besides the application's own mailslots, that a
		 * replay of the directory through the mailslots endpoint may write to.
		 */
		private List<String> replayTargets = new ArrayList<>();

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

		public @Nullable String getMailslot() {
			return this.mailslot;
		}

		public void setMailslot(@Nullable String mailslot) {
			this.mailslot = mailslot;
		}

		public List<String> getReplayTargets() {
			return this.replayTargets;
		}

		public void setReplayTargets(List<String> replayTargets) {
			this.replayTargets = replayTargets;
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
	 * The replies of {@code @SendTo} listeners.
	 */
	public static class Reply {

		/**
		 * Which mailslots a reply target computed from each message ('!{...}' in @SendTo)
		 * may name: 'local' (this host's only), 'remote' (also '\\HOST\mailslot\...'), or
		 * 'broadcast' (also '\\*\mailslot\...' and the workgroup's name). A message whose
		 * target reaches further fails as a reply that cannot be written.
		 */
		private Reach perMessageTargets = Reach.LOCAL;

		public Reach getPerMessageTargets() {
			return this.perMessageTargets;
		}

		public void setPerMessageTargets(Reach perMessageTargets) {
			this.perMessageTargets = perMessageTargets;
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
