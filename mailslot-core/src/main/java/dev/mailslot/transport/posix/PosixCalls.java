package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

/**
 * The C library calls of the posix transport, as one binding makes them:
 * {@link JnaPosixCalls} through JNA on every Java version, or {@code ForeignPosixCalls}
 * through the Foreign Function and Memory API on Java 22 and later. {@link LibC} chooses
 * one when it is first used. A call that fails returns -1 and leaves the reason for
 * {@link #errno()}, as the C function does.
 */
interface PosixCalls {

	/**
	 * Return which binding this is, for logs and tests.
	 */
	String id();

	NativeMemory allocate(long size);

	/**
	 * Return whether {@link #mqSend} copies a message into native memory before it sends
	 * it, and so needs a buffer as large as the largest message.
	 */
	boolean copiesSentMessages();

	/**
	 * Call the variadic {@code mq_open(name, oflag, mode, attr)}.
	 */
	int mqOpen(String name, int flags, int mode, @Nullable NativeMemory attributes);

	/**
	 * Send the remaining bytes of a message without moving its position, on a queue
	 * opened non-blocking. A binding that can hand the kernel the bytes where they are
	 * does so; one that cannot copies them into {@code buffer} first.
	 * @param mqd the queue, open for writing
	 * @param message the message
	 * @param buffer native memory at least as large as the message, for a binding that
	 * copies
	 * @return 0, or -1
	 */
	int mqSend(int mqd, ByteBuffer message, NativeMemory buffer);

	int mqTimedsend(int mqd, NativeMemory message, long length, int priority, NativeMemory absoluteTimeout);

	/**
	 * Call {@code mq_timedreceive} without asking for the priority.
	 * @param absoluteTimeout the deadline, or {@code null} to wait as long as it takes
	 * @return the message's size, or -1
	 */
	long mqTimedreceive(int mqd, NativeMemory buffer, long length, @Nullable NativeMemory absoluteTimeout);

	/**
	 * Call {@code mq_setattr} without asking for the old attributes.
	 */
	int mqSetattr(int mqd, NativeMemory attributes);

	int mqGetattr(int mqd, NativeMemory attributes);

	int mqClose(int mqd);

	int mqUnlink(String name);

	int poll(NativeMemory fds, long count, int timeoutMillis);

	/**
	 * Call {@code eventfd(initval, flags)}.
	 * @return the new descriptor, or -1
	 */
	int eventfd(int initialValue, int flags);

	/**
	 * Call {@code read(fd, buffer, length)}.
	 * @return how many bytes were read, or -1
	 */
	long read(int fd, NativeMemory buffer, long length);

	/**
	 * Call {@code write(fd, buffer, length)}.
	 * @return how many bytes were written, or -1
	 */
	long write(int fd, NativeMemory buffer, long length);

	/**
	 * Call {@code close(fd)} on a descriptor that is not a message queue's.
	 */
	int close(int fd);

	int fchmod(int fd, int mode);

	int statx(int dirfd, String path, int flags, int mask, NativeMemory buffer);

	String strerror(int errno);

	int flock(int fd, int operation);

	int geteuid();

	/**
	 * Return the {@code errno} that this thread's last call left.
	 */
	int errno();

}
