package dev.mailslot.transport.posix;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;

/**
 * Creates a mailslot's queue owned by this process. The owner holds an exclusive
 * {@code flock} on the queue's own descriptor, which the kernel drops when the owner
 * dies; the lock lives with the queue, in its IPC namespace. A queue that exists but
 * whose lock can be taken was left by a crash: it is unlinked and created anew.
 * <p>
 * A new queue is locked right after it is created, with a blocking {@code flock}: a
 * process that finds it in between takes the lock only for as long as it takes to judge
 * the queue stale, and if it unlinked the queue, the creator sees the link count at 0 and
 * starts over. So exactly one of several processes starting at once owns the name.
 */
final class QueueOwnership {

	/** How often a stale queue's exclusive lock is tried, a millisecond apart. */
	private static final int LOCK_ATTEMPTS = 20;

	private static final System.Logger logger = System.getLogger(QueueOwnership.class.getName());

	private static final int ATTEMPTS = 4;

	private static final Path PROC_LOCKS = Path.of("/proc/locks");

	private QueueOwnership() {
	}

	/**
	 * Create the queue and return its descriptor, locked.
	 * @return the descriptor, opened non-blocking for reading, and for writing so that
	 * the server can seal the queue whatever its mode (see {@link QueueSeal})
	 * @throws MailslotNameInUseException if a live process owns the queue
	 */
	static int create(MailslotName name, String queueName, int mode, NativeMemory attributes,
			CreateFailure createFailure) {
		int flags = LibC.O_RDWR | LibC.O_CREAT | LibC.O_EXCL | LibC.O_NONBLOCK | LibC.O_CLOEXEC;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			int mqd = LibC.mqOpen(queueName, flags, mode, attributes);
			if (mqd >= 0) {
				if (lockNew(mqd)) {
					return mqd;
				}
				continue;
			}
			int errno = LibC.errno();
			if (errno != LibC.EEXIST) {
				throw createFailure.of(errno);
			}
			reclaimIfStale(name, queueName);
		}
		throw new MailslotNameInUseException(name, "Mailslot " + name + " is being created and deleted by other "
				+ "processes at the same time; try again");
	}

	private static boolean lockNew(int mqd) {
		while (LibC.flock(mqd, LibC.LOCK_EX) != 0) {
			int errno = LibC.errno();
			if (errno != LibC.EINTR) {
				LibC.mq_close(mqd);
				throw new IllegalStateException("flock of a new message queue: " + LibC.describe(errno));
			}
		}
		if (FileStatus.of(mqd).links() == 0) {
			LibC.mq_close(mqd);
			return false;
		}
		return true;
	}

	/**
	 * Unlink the existing queue if no live process owns it.
	 * @throws MailslotNameInUseException if one does
	 */
	private static void reclaimIfStale(MailslotName name, String queueName) {
		int existing = LibC.mqOpen(queueName, LibC.O_RDONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
		if (existing < 0) {
			int errno = LibC.errno();
			if (errno == LibC.ENOENT) {
				return;
			}
			throw new MailslotNameInUseException(name, "Mailslot " + name + " is in use: its queue " + queueName
					+ " exists and cannot be opened (" + LibC.describe(errno) + "); it belongs to another user")
				.withNativeErrorCode(errno);
		}
		try {
			if (!lockExclusively(existing)) {
				throw new MailslotNameInUseException(name, "Mailslot " + name + " is in use: " + owner(existing)
						+ " owns its queue " + queueName + ". Stop that process or choose another name");
			}
			FileStatus stale = FileStatus.of(existing);
			if (stale.links() == 0) {
				return;
			}
			int user = LibC.geteuid();
			if (stale.uid() != user && user != 0) {
				throw new MailslotNameInUseException(name,
						"Mailslot " + name + " is in use: its queue " + queueName + " belongs to uid " + stale.uid()
								+ " (mode 0" + Integer.toOctalString(stale.mode() & 0777) + "), not to this uid " + user
								+ ", and no server holds it, so this user cannot reclaim it. " + "Remove it as uid "
								+ stale.uid() + " or as root (mount -t mqueue none /dev/mqueue; rm " + "'/dev/mqueue"
								+ queueName + "'), or choose another name");
			}
			logger.log(Level.WARNING,
					"Reclaiming message queue {0} of mailslot {1}: the process that created it is "
							+ "gone, and the {2} message(s) left in it are discarded",
					queueName, name, waitingMessages(existing));
			QueueSeal.seal(queueName, stale);
			if (LibC.mq_unlink(queueName) != 0 && LibC.errno() != LibC.ENOENT) {
				int errno = LibC.errno();
				throw new MailslotException(name,
						"Cannot remove message queue " + queueName + ", left by a process " + "that is gone ("
								+ LibC.describe(errno) + "). Remove it as uid " + stale.uid() + " or as root: "
								+ "mount -t mqueue none /dev/mqueue; rm '/dev/mqueue" + queueName + "'")
					.withNativeErrorCode(errno);
			}
		}
		finally {
			LibC.mq_close(existing);
		}
	}

	/**
	 * Return whether a live process owns the queue: holds the exclusive lock on it.
	 * Clients ask with a shared lock, which they release at once; a lock that cannot be
	 * had for another reason than the owner's counts as owned.
	 * @param mqd a descriptor of the queue
	 * @return whether the queue has a live owner
	 */
	static boolean hasLiveOwner(int mqd) {
		if (LibC.flock(mqd, LibC.LOCK_SH | LibC.LOCK_NB) == 0) {
			LibC.flock(mqd, LibC.LOCK_UN);
			return false;
		}
		return true;
	}

	/**
	 * Take the exclusive lock of an existing queue without waiting for a live owner, but
	 * through the moment a client holds a shared lock to see whether the queue has one.
	 */
	private static boolean lockExclusively(int mqd) {
		for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
			if (LibC.flock(mqd, LibC.LOCK_EX | LibC.LOCK_NB) == 0) {
				return true;
			}
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	/**
	 * Return how many messages a queue holds, or -1 if it cannot be asked.
	 */
	private static long waitingMessages(int mqd) {
		try (NativeMemory attributes = LibC.allocate(LibC.MQ_ATTR_SIZE)) {
			return (LibC.mq_getattr(mqd, attributes) == 0) ? attributes.getLong(LibC.MQ_ATTR_CURMSGS) : -1;
		}
	}

	/**
	 * Name the process that holds the lock on a queue, as {@code /proc/locks} shows it.
	 */
	static String owner(int mqd) {
		FileStatus status = FileStatus.of(mqd);
		String file = String.format("%02x:%02x:%d", status.devMajor(), status.devMinor(), status.inode());
		try {
			List<String> locks = Files.readAllLines(PROC_LOCKS);
			for (String line : locks) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length >= 6 && fields[1].equals("FLOCK") && fields[5].equals(file)
						&& !fields[4].equals("0")) {
					return "process " + fields[4];
				}
			}
		}
		catch (IOException ex) {
			// The owner is alive all the same; only its id is unknown.
		}
		return "another process";
	}

	/**
	 * Makes the exception for a failed {@code mq_open}.
	 */
	@FunctionalInterface
	interface CreateFailure {

		MailslotException of(int errno);

	}

}
