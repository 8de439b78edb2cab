package dev.mailslot.transport.posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * What the queues of posix mailslots take of their user's {@code RLIMIT_MSGQUEUE}, and
 * the capacity with which a number of them fit in it. For each queue the kernel reserves
 * its capacity x its message size, and a {@code struct msg_msg} and a
 * {@code posix_msg_tree_node} for each message it may hold ({@value #MESSAGE_OVERHEAD}
 * bytes on 64-bit Linux; {@code ipc/mqueue.c}), against the limit of the process that
 * creates it and the bytes all queues of its user reserve.
 */
public final class PosixQueueBudget {

	/**
	 * Bytes the kernel reserves for each message a queue may hold, beyond the message
	 * itself.
	 */
	public static final int MESSAGE_OVERHEAD = 96;

	/**
	 * The kernel's {@code MQ_PRIO_MAX}: no more tree nodes than priorities are reserved.
	 */
	private static final int PRIORITIES = 32_768;

	private static final Path LIMITS = Path.of("/proc/self/limits");

	private static final String MSGQUEUE_LINE = "Max msgqueue size";

	private final long limit;

	private final PosixQueueLimits limits;

	PosixQueueBudget(long limit, PosixQueueLimits limits) {
		this.limit = limit;
		this.limits = limits;
	}

	/**
	 * Return the budget of this process: its soft {@code RLIMIT_MSGQUEUE} and the
	 * {@code fs.mqueue} limits.
	 * @return the budget
	 */
	public static PosixQueueBudget current() {
		return new PosixQueueBudget(readLimit(), PosixQueueLimits.current());
	}

	/**
	 * Return a budget of given limits, to plan for a system other than this one.
	 * @param limit the bytes the queues of a user may reserve, {@link Long#MAX_VALUE} for
	 * no limit
	 * @param msgMax {@code fs.mqueue.msg_max}
	 * @param msgsizeMax {@code fs.mqueue.msgsize_max}
	 * @param msgDefault {@code fs.mqueue.msg_default}
	 * @return the budget
	 */
	public static PosixQueueBudget of(long limit, int msgMax, int msgsizeMax, int msgDefault) {
		return new PosixQueueBudget(limit, new PosixQueueLimits(msgMax, msgsizeMax, msgDefault, 256));
	}

	/**
	 * Read the soft limit from {@code /proc/self/limits} (line by line:
	 * {@code Files.readString} trusts the size procfs reports and can return a truncated
	 * file).
	 */
	private static long readLimit() {
		try {
			List<String> lines = Files.readAllLines(LIMITS);
			for (String line : lines) {
				if (line.startsWith(MSGQUEUE_LINE)) {
					String soft = line.substring(MSGQUEUE_LINE.length()).trim().split("\\s+")[0];
					return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// No procfs: nothing to plan for.
		}
		return Long.MAX_VALUE;
	}

	/**
	 * Return the bytes that queues of this process's user may reserve together: the soft
	 * {@code RLIMIT_MSGQUEUE}, or {@link Long#MAX_VALUE} when unlimited or unknown.
	 * @return the limit in bytes
	 */
	public long limit() {
		return this.limit;
	}

	/**
	 * Return the message size a queue gets for a server's maximum message size.
	 * @param maxMessageSize the server's maximum message size, 0 for any
	 * @return the size, {@code fs.mqueue.msgsize_max} for 0
	 */
	public int messageSize(int maxMessageSize) {
		return (maxMessageSize == 0) ? this.limits.msgsizeMax() : maxMessageSize;
	}

	/**
	 * Return the capacity of a queue whose server leaves it to the system:
	 * {@code fs.mqueue.msg_default}, at most {@code fs.mqueue.msg_max}.
	 * @return the capacity
	 */
	public int defaultCapacity() {
		return Math.min(this.limits.msgDefault(), this.limits.msgMax());
	}

	/**
	 * Return the bytes a queue reserves of its user's {@code RLIMIT_MSGQUEUE}.
	 * @param capacity the messages it may hold
	 * @param messageSize the largest message, in bytes
	 * @return the bytes
	 */
	public static long queueBytes(int capacity, int messageSize) {
		return (long) capacity * messageSize + (long) capacity * (MESSAGE_OVERHEAD / 2)
				+ (long) Math.min(capacity, PRIORITIES) * (MESSAGE_OVERHEAD / 2);
	}

	/**
	 * Return the largest capacity, at most the {@linkplain #defaultCapacity() default},
	 * with which queues of the given message sizes, all of that capacity, fit in the
	 * given bytes.
	 * @param bytes the bytes the queues may reserve together
	 * @param messageSizes the message size of each queue
	 * @return the capacity, 0 when not even one message each fits
	 */
	public int sharedCapacity(long bytes, Collection<Integer> messageSizes) {
		long perMessage = 0;
		for (int size : messageSizes) {
			perMessage += queueBytes(1, size);
		}
		if (perMessage == 0) {
			return defaultCapacity();
		}
		return (int) Math.min(defaultCapacity(), Math.max(0, bytes) / perMessage);
	}

}
