package dev.mailslot.transport.posix;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of heap that every posix server of this process may use, together, to hold
 * messages beyond their queues while nobody reads them (see
 * {@link dev.mailslot.MailslotServerOptions#holdCapacity()}). A server takes a message
 * off its queue only once it has room for it here; past the limit the message stays in
 * the queue and writers wait for room, as they do past the hold capacity.
 * <p>
 * The limit is an eighth of the maximum heap unless set, by {@link #setLimit(long)} or
 * the system property {@value #LIMIT_PROPERTY} (in bytes). Each held message counts its
 * length and {@value #MESSAGE_OVERHEAD} bytes of the array and queue slot that hold it.
 * The unix transport's servers hold what they read off their sockets in the same memory.
 */
public final class PosixHoldMemory {

	/** The system property that sets the limit in bytes. */
	public static final String LIMIT_PROPERTY = "dev.mailslot.posix.hold-memory";

	/**
	 * Bytes counted for each held message beyond its length: an array's header and a
	 * slot.
	 */
	public static final int MESSAGE_OVERHEAD = 32;

	/**
	 * The limit set by {@link #setLimit(long)}, or -1 for the system property or the
	 * default.
	 */
	private static final AtomicLong limit = new AtomicLong(-1);

	private static final AtomicLong used = new AtomicLong();

	private PosixHoldMemory() {
	}

	/**
	 * Return the limit.
	 * @return the bytes that all posix servers of this process may hold together
	 */
	public static long limit() {
		long set = limit.get();
		return (set >= 0) ? set : configuredLimit();
	}

	/**
	 * Set the limit, for servers that hold messages from now on. Held messages beyond a
	 * lower limit stay held; no new ones are taken until they fall under it.
	 * @param bytes the bytes that all posix servers of this process may hold together; 0
	 * to hold none; -1 for the system property or the default
	 * @throws IllegalArgumentException if negative (but -1), or not less than the heap's
	 * maximum: held messages would run the JVM out of memory before writers wait
	 */
	public static void setLimit(long bytes) {
		if (bytes < -1) {
			throw new IllegalArgumentException("Posix hold memory " + bytes + " is negative; give the bytes that "
					+ "all posix mailslots of this process may hold together, or 0 to hold none (messages then "
					+ "wait in their queues)");
		}
		long heap = Runtime.getRuntime().maxMemory();
		if (bytes >= heap) {
			throw new IllegalArgumentException("Hold memory of " + bytes + " bytes is not less than the heap's "
					+ "maximum of " + heap + " bytes: held messages would run the JVM out of memory before writers "
					+ "are made to wait; give less (the default is an eighth of the heap, " + (heap / 8)
					+ " bytes), or raise -Xmx");
		}
		limit.set(bytes);
	}

	/**
	 * Return the limit used unless set: an eighth of the heap, or the system property.
	 * @return the default limit in bytes
	 */
	public static long defaultLimit() {
		return Runtime.getRuntime().maxMemory() / 8;
	}

	/**
	 * Return the bytes held now, by every posix server of this process.
	 * @return the bytes held
	 */
	public static long used() {
		return used.get();
	}

	/**
	 * Return the bytes a message of a size takes here.
	 * @param size the message's size in bytes
	 * @return its size and the overhead of holding it
	 */
	public static long cost(int size) {
		return (long) size + MESSAGE_OVERHEAD;
	}

	/**
	 * Take room for a message of up to a size, if the limit leaves it.
	 * @param bytes the room to take
	 * @return whether it was taken
	 */
	public static boolean tryReserve(long bytes) {
		while (true) {
			long current = used.get();
			if (current + bytes > limit()) {
				return false;
			}
			if (used.compareAndSet(current, current + bytes)) {
				return true;
			}
		}
	}

	/**
	 * Give room back.
	 * @param bytes the room given back
	 */
	public static void release(long bytes) {
		used.addAndGet(-bytes);
	}

	private static long configuredLimit() {
		String configured = System.getProperty(LIMIT_PROPERTY);
		if (configured == null || configured.isBlank()) {
			return defaultLimit();
		}
		try {
			long bytes = Long.parseLong(configured.trim());
			if (bytes >= 0) {
				return bytes;
			}
		}
		catch (NumberFormatException ex) {
			// Said below, with the value.
		}
		throw new IllegalArgumentException("System property " + LIMIT_PROPERTY + "=" + configured + " is not a "
				+ "number of bytes; give the bytes that all posix mailslots of this process may hold together "
				+ "(for example 16777216), or 0 to hold none");
	}

}
