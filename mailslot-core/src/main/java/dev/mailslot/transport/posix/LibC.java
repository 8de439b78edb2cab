package dev.mailslot.transport.posix;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The C library calls of the posix transport, bound with JNA's direct mapping on first use. Sizes
 * are passed as {@code long}: the transport runs on 64-bit Linux only. Constants are those of
 * Linux on x86-64 and AArch64.
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

	private static final Variadic VARIADIC;

	static {
		String library = messageQueueLibrary();
		Native.register(LibC.class, library);
		VARIADIC = Native.load(library, Variadic.class);
	}

	private LibC() {
	}

	/**
	 * Bind the calls now, if they are not bound yet.
	 */
	static void load() {
		// Calling any method of the class initializes it, which binds the calls.
	}

	/**
	 * Return the library that holds {@code mq_open}: the C library from glibc 2.34 on, librt
	 * before.
	 */
	private static String messageQueueLibrary() {
		try {
			NativeLibrary.getInstance("c").getFunction("mq_open");
			return "c";
		}
		catch (UnsatisfiedLinkError ex) {
			return "rt";
		}
	}

	/**
	 * Call the variadic {@code mq_open(name, oflag, mode, attr)}.
	 */
	static int mqOpen(String name, int flags, int mode, Pointer attr) {
		return VARIADIC.mq_open(name, flags, mode, attr);
	}

	static int mqOpen(String name, int flags) {
		return VARIADIC.mq_open(name, flags);
	}


	static int errno() {
		return Native.getLastError();
	}

	static String describe(int errno) {
		return strerror(errno) + " (errno " + errno + ")";
	}

	static native int mq_send(int mqd, Pointer message, long length, int priority);

	static native int mq_timedsend(int mqd, Pointer message, long length, int priority, Pointer absoluteTimeout);

	static native long mq_timedreceive(int mqd, Pointer buffer, long length, Pointer priority,
			Pointer absoluteTimeout);

	/** What {@link #receiveWithoutWaiting} returns when the queue is empty. */
	static final long QUEUE_EMPTY = -1;

	/** What {@link #receiveWithoutWaiting} returns on another failure; {@link #errno()} says which. */
	static final long RECEIVE_FAILED = -2;

	/**
	 * Receive the next message into a buffer without waiting, trying again when a signal
	 * interrupts the call.
	 * @param mqd the queue, open for reading
	 * @param buffer the buffer, as large as the queue's message size
	 * @param past a {@code struct timespec} in the past
	 * @return the message's size, {@link #QUEUE_EMPTY}, or {@link #RECEIVE_FAILED}
	 */
	static long receiveWithoutWaiting(int mqd, Memory buffer, Pointer past) {
		while (true) {
			long size = mq_timedreceive(mqd, buffer, buffer.size(), Pointer.NULL, past);
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

	static native int mq_setattr(int mqd, Pointer newAttributes, Pointer oldAttributes);

	static native int mq_getattr(int mqd, Pointer attr);

	static native int mq_close(int mqd);

	static native int mq_unlink(String name);

	static native int poll(Pointer fds, long count, int timeoutMillis);

	static native int fchmod(int fd, int mode);

	static native int statx(int dirfd, String path, int flags, int mask, Pointer buffer);

	static native String strerror(int errno);

	static native int flock(int fd, int operation);

	static native int geteuid();

	/**
	 * The variadic calls, which direct mapping cannot express.
	 */
	interface Variadic extends Library {

		int mq_open(String name, int flags, Object... modeAndAttr);

	}

}
