package dev.mailslot.transport.posix;

import java.lang.System.Logger.Level;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.SystemLimitException;
import dev.mailslot.TransportUnavailableException;

/**
 * Same-host mailslots on POSIX message queues. A mailslot's queue is named as
 * {@link PosixQueueNames} documents; its owner holds a lock on the queue itself (see
 * {@link QueueOwnership}), so that a queue left by a crashed process is reclaimed and a
 * live owner's name is refused.
 */
public final class PosixMailslotTransport implements MailslotTransport {

	static final String ID = "posix";

	private static final System.Logger logger = System.getLogger(PosixMailslotTransport.class.getName());

	static final PosixMailslotTransport INSTANCE = new PosixMailslotTransport();

	private PosixMailslotTransport() {
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public MailslotServer createServer(MailslotServerOptions options) {
		MailslotName name = options.name();
		if ((options.mode() & 07) != 0 && !options.allowWorldAccess()) {
			throw new MailslotException(name, "Mode 0" + Integer.toOctalString(options.mode()) + " of mailslot " + name
					+ " lets every user of this host at its queue: any of them could send it messages it does not "
					+ "expect, or take its messages; refused. Give a mode whose last digit is 0, such as 0620 with "
					+ "the writers in the queue's group, or allow it explicitly (allow-world-access, "
					+ "MailslotServerOptions.Builder.allowWorldAccess) if every user is meant to");
		}
		String queueName = PosixQueueNames.queueName(name);
		PosixQueueLimits limits = PosixQueueLimits.current();
		int maxMessageSize = messageSize(options, limits);
		int capacity = capacity(options, limits);
		int mqd;
		try (NativeMemory attributes = LibC.allocate(LibC.MQ_ATTR_SIZE)) {
			attributes.clear();
			attributes.setLong(LibC.MQ_ATTR_MAXMSG, capacity);
			attributes.setLong(LibC.MQ_ATTR_MSGSIZE, maxMessageSize);
			mqd = QueueOwnership.create(name, queueName, options.mode(), attributes,
					(errno) -> createFailure(name, queueName, errno, capacity, maxMessageSize, limits));
		}
		HeldCountFile countFile = null;
		try {
			if (LibC.fchmod(mqd, options.mode()) != 0) {
				throw new MailslotException(name, "Cannot set mode 0" + Integer.toOctalString(options.mode())
						+ " on message queue " + queueName + ": " + LibC.describe(LibC.errno()));
			}
			makeBlocking(name, queueName, mqd);
			warnIfHoldExceedsMemory(options, maxMessageSize);
			countFile = HeldCountFile.create(name, queueName);
			return new PosixMailslotServer(name, queueName, mqd, maxMessageSize, options.readTimeout(),
					options.holdCapacity(), countFile)
				.start();
		}
		catch (RuntimeException | Error ex) {
			if (countFile != null) {
				countFile.close();
			}
			QueueSeal.seal(mqd);
			LibC.mq_unlink(queueName);
			LibC.mq_close(mqd);
			throw ex;
		}
	}

	/**
	 * Warn when a server's hold capacity asks for more than the hold memory all posix
	 * servers share: writers would wait before the capacity is reached.
	 */
	private static void warnIfHoldExceedsMemory(MailslotServerOptions options, int maxMessageSize) {
		long wanted = options.holdCapacity() * PosixHoldMemory.cost(maxMessageSize);
		long limit = PosixHoldMemory.limit();
		if (wanted > limit) {
			logger.log(Level.WARNING, "Mailslot {0} may hold {1} messages of up to {2} bytes in memory ({3} bytes), "
					+ "more than the {4} bytes that all posix mailslots of this process may hold together: writers "
					+ "wait once those are held. Lower its hold capacity (hold-capacity, MailslotServerOptions "
					+ "holdCapacity), or raise the hold memory (mailslot.posix.hold-memory, system property "
					+ PosixHoldMemory.LIMIT_PROPERTY + ") with the heap", options.name(), options.holdCapacity(),
					maxMessageSize, wanted, limit);
		}
	}

	/**
	 * Clear {@code O_NONBLOCK}, which the descriptor was opened with so that taking
	 * ownership of the queue never waits: readers wait in {@code mq_timedreceive}.
	 */
	private static void makeBlocking(MailslotName name, String queueName, int mqd) {
		try (NativeMemory attributes = LibC.allocate(LibC.MQ_ATTR_SIZE)) {
			attributes.clear();
			attributes.setLong(LibC.MQ_ATTR_FLAGS, 0);
			if (LibC.mq_setattr(mqd, attributes) != 0) {
				int errno = LibC.errno();
				throw new MailslotException(name,
						"Cannot make message queue " + queueName + " blocking: " + LibC.describe(errno))
					.withNativeErrorCode(errno);
			}
		}
	}

	private static int messageSize(MailslotServerOptions options, PosixQueueLimits limits) {
		int asked = options.maxMessageSize();
		if (asked > limits.msgsizeMax()) {
			throw new SystemLimitException(options.name(), "fs.mqueue.msgsize_max = " + limits.msgsizeMax(),
					"Mailslot " + options.name() + " asks for messages of up to " + asked
							+ " bytes, more than this system's message queues allow",
					"Ask for at most " + limits.msgsizeMax() + " bytes, or raise the limit: sysctl -w "
							+ "fs.mqueue.msgsize_max=" + asked + " (root on the host, or in a private IPC namespace)");
		}
		return (asked == 0) ? limits.msgsizeMax() : asked;
	}

	private static int capacity(MailslotServerOptions options, PosixQueueLimits limits) {
		int asked = options.queueCapacity();
		if (asked > limits.msgMax()) {
			throw new SystemLimitException(options.name(), "fs.mqueue.msg_max = " + limits.msgMax(),
					"Mailslot " + options.name() + " asks for a queue of " + asked
							+ " messages, more than this system's message queues allow",
					"Ask for at most " + limits.msgMax() + " messages, or raise the limit: sysctl -w fs.mqueue.msg_max="
							+ asked + " (root on the host, or in a private IPC namespace)");
		}
		return (asked == 0) ? Math.min(limits.msgDefault(), limits.msgMax()) : asked;
	}

	private static MailslotException createFailure(MailslotName name, String queueName, int errno, int capacity,
			int messageSize, PosixQueueLimits limits) {
		String problem = "Cannot create message queue " + queueName + " for mailslot " + name + " (" + capacity
				+ " messages of up to " + messageSize + " bytes): " + LibC.describe(errno);
		MailslotException exception = switch (errno) {
			case LibC.EMFILE -> new SystemLimitException(name, "RLIMIT_MSGQUEUE (ulimit -q) or RLIMIT_NOFILE", problem,
					"Each queue reserves capacity x (max message size + " + PosixQueueBudget.MESSAGE_OVERHEAD
							+ ") bytes of the user's RLIMIT_MSGQUEUE, this one "
							+ PosixQueueBudget.queueBytes(capacity, messageSize)
							+ ", and all queues of the user share the limit (" + describeLimit()
							+ "). Raise it (ulimit -q, or LimitMSGQUEUE= in a systemd unit), close other mailslots, or "
							+ "ask for a smaller max-message-size or queue capacity");
			case LibC.ENOSPC -> new SystemLimitException(name, "fs.mqueue.queues_max = " + limits.queuesMax(), problem,
					"Raise it: sysctl -w fs.mqueue.queues_max=" + (limits.queuesMax() * 2L)
							+ ", or close other message queues");
			case LibC.EINVAL -> new SystemLimitException(name,
					"fs.mqueue.msg_max = " + limits.msgMax() + ", fs.mqueue.msgsize_max = " + limits.msgsizeMax(),
					problem, "Ask for less, or raise the limits with sysctl -w");
			case LibC.ENOSYS -> new TransportUnavailableException(ID,
					problem + ". This kernel has no POSIX message queues (CONFIG_POSIX_MQUEUE); use another transport");
			case LibC.EACCES -> new MailslotException(name,
					problem + ". The process may not create it; check the " + "IPC namespace and permissions");
			default -> new MailslotException(name, problem);
		};
		return exception.withNativeErrorCode(errno);
	}

	private static String describeLimit() {
		long limit = PosixQueueBudget.current().limit();
		return (limit == Long.MAX_VALUE) ? "unlimited for this process" : limit + " bytes for this process";
	}

	@Override
	public void preload() {
		LibC.load();
		PosixQueueLimits.current();
	}

	@Override
	public MailslotClient openClient(MailslotName name) {
		String queueName = PosixQueueNames.queueName(name);
		int mqd = LibC.mqOpen(queueName, LibC.O_WRONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
		if (mqd < 0) {
			int errno = LibC.errno();
			if (errno == LibC.ENOENT) {
				throw new NoSuchMailslotException(name, "No mailslot " + name + " exists on this host (no message "
						+ "queue " + queueName + "); start its server first")
					.withNativeErrorCode(errno);
			}
			throw new MailslotException(name, "Cannot open message queue " + queueName + " of mailslot " + name + ": "
					+ LibC.describe(errno)
					+ ((errno == LibC.EACCES) ? ". The queue's mode does not let this user "
							+ "write; set the server's mode (for example 0620) or run as its owner" : ""))
				.withNativeErrorCode(errno);
		}
		try (NativeMemory attributes = LibC.allocate(LibC.MQ_ATTR_SIZE)) {
			if (!QueueOwnership.hasLiveOwner(mqd)) {
				throw new NoSuchMailslotException(name,
						"No server holds mailslot " + name + ": its message queue " + queueName
								+ " was left by a process that is gone. Start its server, which reclaims the queue");
			}
			if (LibC.mq_getattr(mqd, attributes) != 0) {
				int errno = LibC.errno();
				throw new MailslotException(name,
						"Cannot query message queue " + queueName + ": " + LibC.describe(errno))
					.withNativeErrorCode(errno);
			}
			return new PosixMailslotClient(name, queueName, mqd, (int) attributes.getLong(LibC.MQ_ATTR_MSGSIZE));
		}
		catch (RuntimeException | Error ex) {
			LibC.mq_close(mqd);
			throw ex;
		}
	}

}
