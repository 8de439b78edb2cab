package dev.mailslot.transport.posix;

import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

/**
 * The C library calls of the posix transport, made by the binding chosen on first use:
 * the Foreign Function and Memory API on Java 22 and later, JNA before (see
 * {@link PosixCalls}). The system property {@value #BINDING_PROPERTY} chooses one by its
 * id, {@code ffm} or {@code jna}. Sizes are passed as {@code long}: the transport runs on
 * 64-bit Linux only. Constants are those of Linux on x86-64 and AArch64.
 */
final class LibC {

	static final int O_RDONLY = 0;

	static final int O_WRONLY = 1;

	static final int O_RDWR = 2;

	static final int O_CREAT = 0100;

	static final int O_EXCL = 0200;

	static final int O_NONBLOCK = 04000;

	static final int O_CLOEXEC = 02000000;

	static final int EINTR = 4;

	static final int ENOENT = 2;

	static final int EAGAIN = 11;

	static final int EACCES = 13;

	static final int EEXIST = 17;

	static final int EINVAL = 22;

	static final int ENFILE = 23;

	static final int EMFILE = 24;

	static final int ENOSPC = 28;

	static final int ENOSYS = 38;

	static final int EMSGSIZE = 90;

	static final int ETIMEDOUT = 110;

	static final short POLLIN = 1;

	static final short POLLOUT = 4;

	/**
	 * {@code eventfd}'s flags: the values of {@code O_NONBLOCK} and {@code O_CLOEXEC}.
	 */
	static final int EFD_NONBLOCK = O_NONBLOCK;

	static final int EFD_CLOEXEC = O_CLOEXEC;

	static final int AT_EMPTY_PATH = 0x1000;

	static final int STATX_MODE = 0x2;

	static final int STATX_UID = 0x8;

	static final int STATX_NLINK = 0x4;

	static final int STATX_INO = 0x100;

	static final int LOCK_SH = 1;

	static final int LOCK_EX = 2;

	static final int LOCK_UN = 8;

	static final int LOCK_NB = 4;

	/** Size of {@code struct mq_attr}: four longs and four longs of padding. */
	static final int MQ_ATTR_SIZE = 64;

	static final int MQ_ATTR_MAXMSG = 8;

	static final int MQ_ATTR_MSGSIZE = 16;

	static final int MQ_ATTR_CURMSGS = 24;

	/** Size of {@code struct statx}. */
	static final int STATX_SIZE = 256;

	static final int STATX_NLINK_OFFSET = 16;

	static final int STATX_UID_OFFSET = 20;

	static final int STATX_MODE_OFFSET = 28;

	static final int STATX_INO_OFFSET = 32;

	static final int STATX_DEV_MAJOR_OFFSET = 136;

	static final int STATX_DEV_MINOR_OFFSET = 140;

	/** Size of {@code struct timespec}: seconds and nanoseconds, two longs. */
	static final int TIMESPEC_SIZE = 16;

	/** Offset of {@code mq_flags} in {@code struct mq_attr}. */
	static final int MQ_ATTR_FLAGS = 0;

	/** Size of {@code struct pollfd}: int fd, short events, short revents. */
	static final int POLLFD_SIZE = 8;

	/** The system property that chooses the binding: {@code ffm} or {@code jna}. */
	static final String BINDING_PROPERTY = "dev.mailslot.posix.binding";

	static final String FOREIGN_BINDING = "dev.mailslot.transport.posix.ForeignPosixCalls";

	private static final PosixCalls CALLS = binding(System.getProperty(BINDING_PROPERTY), Runtime.version().feature());

	private LibC() {
	}

	/**
	 * Choose the binding: the one asked for, or else the Foreign Function and Memory API
	 * where the runtime has it and the class path holds it (the Java 22 classes of the
	 * multi-release jar), or else JNA. A native image uses JNA unless asked otherwise:
	 * the module's reachability metadata describes JNA's calls.
	 * @param asked the id asked for, or {@code null}
	 * @param javaVersion the runtime's feature version
	 */
	static PosixCalls binding(@Nullable String asked, int javaVersion) {
		if (asked != null && !asked.equals("ffm") && !asked.equals(JnaPosixCalls.ID)) {
			throw new IllegalArgumentException("Unknown posix binding '" + asked + "' in system property "
					+ BINDING_PROPERTY + "; use ffm (Java 22 or later) or jna, or leave it unset to choose by "
					+ "the Java version");
		}
		boolean nativeImage = System.getProperty("org.graalvm.nativeimage.imagecode") != null;
		if (JnaPosixCalls.ID.equals(asked) || (asked == null && (javaVersion < 22 || nativeImage))) {
			return new JnaPosixCalls();
		}
		if (javaVersion < 22) {
			throw new IllegalStateException("The ffm posix binding (system property " + BINDING_PROPERTY
					+ ") needs Java 22 or later, and this is Java " + javaVersion + "; use jna or leave it unset");
		}
		try {
			return (PosixCalls) Class.forName(FOREIGN_BINDING).getDeclaredConstructor().newInstance();
		}
		catch (ClassNotFoundException ex) {
			if (asked != null) {
				throw new IllegalStateException("The ffm posix binding (system property " + BINDING_PROPERTY
						+ ") is not on the class path: it is in META-INF/versions/22 of a mailslot-core jar built "
						+ "on Java 22 or later (as released), which a class directory, a jar built on Java 17 to 21 "
						+ "or a jar repackaged without that folder do not hold; use such a jar, or use jna", ex);
			}
			return new JnaPosixCalls();
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException(
					"Cannot bind the C library's message queue calls through the " + "Foreign Function and Memory API: "
							+ ex.getCause() + "; set " + BINDING_PROPERTY + "=jna to use JNA",
					ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create " + FOREIGN_BINDING, ex);
		}
	}

	/**
	 * Bind the calls now, if they are not bound yet.
	 */
	static void load() {
		// Calling any method of the class initializes it, which binds the calls.
	}

	/**
	 * Return the id of the binding in use, {@code ffm} or {@code jna}.
	 */
	static String bindingId() {
		return CALLS.id();
	}

	static NativeMemory allocate(long size) {
		return CALLS.allocate(size);
	}

	/**
	 * Return whether a send copies the message into native memory first; see
	 * {@link PosixCalls#copiesSentMessages()}.
	 */
	static boolean copiesSentMessages() {
		return CALLS.copiesSentMessages();
	}

	/**
	 * Call the variadic {@code mq_open(name, oflag, mode, attr)}.
	 */
	static int mqOpen(String name, int flags, int mode, NativeMemory attr) {
		return CALLS.mqOpen(name, flags, mode, attr);
	}

	static int mqOpen(String name, int flags) {
		return CALLS.mqOpen(name, flags, 0, null);
	}

	static int errno() {
		return CALLS.errno();
	}

	static String describe(int errno) {
		return CALLS.strerror(errno) + " (errno " + errno + ")";
	}

	/**
	 * Send a message's remaining bytes; see {@link PosixCalls#mqSend}.
	 */
	static int mq_send(int mqd, ByteBuffer message, NativeMemory buffer) {
		return CALLS.mqSend(mqd, message, buffer);
	}

	static int mq_timedsend(int mqd, NativeMemory message, long length, int priority, NativeMemory absoluteTimeout) {
		return CALLS.mqTimedsend(mqd, message, length, priority, absoluteTimeout);
	}

	/**
	 * Receive a message, without its priority, waiting until the deadline or, if it is
	 * {@code null}, as long as it takes.
	 */
	static long mq_timedreceive(int mqd, NativeMemory buffer, long length, @Nullable NativeMemory absoluteTimeout) {
		return CALLS.mqTimedreceive(mqd, buffer, length, absoluteTimeout);
	}

	/** What {@link #receiveWithoutWaiting} returns when the queue is empty. */
	static final long QUEUE_EMPTY = -1;

	/**
	 * What {@link #receiveWithoutWaiting} returns on another failure; {@link #errno()}
	 * says which.
	 */
	static final long RECEIVE_FAILED = -2;

	/**
	 * Receive the next message into a buffer without waiting, trying again when a signal
	 * interrupts the call.
	 * @param mqd the queue, open for reading
	 * @param buffer the buffer, as large as the queue's message size
	 * @param past a {@code struct timespec} in the past
	 * @return the message's size, {@link #QUEUE_EMPTY}, or {@link #RECEIVE_FAILED}
	 */
	static long receiveWithoutWaiting(int mqd, NativeMemory buffer, NativeMemory past) {
		while (true) {
			long size = mq_timedreceive(mqd, buffer, buffer.size(), past);
			if (size >= 0) {
				return size;
			}
			int errno = errno();
			if (errno == ETIMEDOUT || errno == EAGAIN) {
				return QUEUE_EMPTY;
			}
			if (errno != EINTR) {
				return RECEIVE_FAILED;
			}
		}
	}

	/**
	 * Set the queue's attributes without asking for the old ones.
	 */
	static int mq_setattr(int mqd, NativeMemory newAttributes) {
		return CALLS.mqSetattr(mqd, newAttributes);
	}

	static int mq_getattr(int mqd, NativeMemory attr) {
		return CALLS.mqGetattr(mqd, attr);
	}

	static int mq_close(int mqd) {
		return CALLS.mqClose(mqd);
	}

	static int mq_unlink(String name) {
		return CALLS.mqUnlink(name);
	}

	static int poll(NativeMemory fds, long count, int timeoutMillis) {
		return CALLS.poll(fds, count, timeoutMillis);
	}

	static int eventfd(int initialValue, int flags) {
		return CALLS.eventfd(initialValue, flags);
	}

	static long read(int fd, NativeMemory buffer, long length) {
		return CALLS.read(fd, buffer, length);
	}

	static long write(int fd, NativeMemory buffer, long length) {
		return CALLS.write(fd, buffer, length);
	}

	static int close(int fd) {
		return CALLS.close(fd);
	}

	static int fchmod(int fd, int mode) {
		return CALLS.fchmod(fd, mode);
	}

	static int statx(int dirfd, String path, int flags, int mask, NativeMemory buffer) {
		return CALLS.statx(dirfd, path, flags, mask, buffer);
	}

	static int flock(int fd, int operation) {
		return CALLS.flock(fd, operation);
	}

	static int geteuid() {
		return CALLS.geteuid();
	}

}
