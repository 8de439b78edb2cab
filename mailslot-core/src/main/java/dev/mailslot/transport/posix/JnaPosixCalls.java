package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * The C library calls through JNA's direct mapping, bound when first used: the binding on
 * Java 17 to 21. Sizes are passed as {@code long}: the transport runs on 64-bit Linux
 * only.
 */
final class JnaPosixCalls implements PosixCalls {

	static final String ID = "jna";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public NativeMemory allocate(long size) {
		return new JnaNativeMemory(size);
	}

	@Override
	public boolean copiesSentMessages() {
		return true;
	}

	@Override
	public int mqOpen(String name, int flags, int mode, @Nullable NativeMemory attributes) {
		return Direct.VARIADIC.mq_open(name, flags, mode, nullablePointer(attributes));
	}

	/**
	 * Copy the message into the buffer: JNA passes a Java array by copying it too.
	 */
	@Override
	public int mqSend(int mqd, ByteBuffer message, NativeMemory buffer) {
		int size = message.remaining();
		buffer.byteBuffer().put(0, message, message.position(), size);
		return Direct.mq_send(mqd, pointer(buffer), size, 0);
	}

	@Override
	public int mqTimedsend(int mqd, NativeMemory message, long length, int priority, NativeMemory absoluteTimeout) {
		return Direct.mq_timedsend(mqd, pointer(message), length, priority, pointer(absoluteTimeout));
	}

	@Override
	public long mqTimedreceive(int mqd, NativeMemory buffer, long length, @Nullable NativeMemory absoluteTimeout) {
		return Direct.mq_timedreceive(mqd, pointer(buffer), length, null, nullablePointer(absoluteTimeout));
	}

	@Override
	public int mqSetattr(int mqd, NativeMemory attributes) {
		return Direct.mq_setattr(mqd, pointer(attributes), null);
	}

	@Override
	public int mqGetattr(int mqd, NativeMemory attributes) {
		return Direct.mq_getattr(mqd, pointer(attributes));
	}

	@Override
	public int mqClose(int mqd) {
		return Direct.mq_close(mqd);
	}

	@Override
	public int mqUnlink(String name) {
		return Direct.mq_unlink(name);
	}

	@Override
	public int poll(NativeMemory fds, long count, int timeoutMillis) {
		return Direct.poll(pointer(fds), count, timeoutMillis);
	}

	@Override
	public int eventfd(int initialValue, int flags) {
		return Direct.eventfd(initialValue, flags);
	}

	@Override
	public long read(int fd, NativeMemory buffer, long length) {
		return Direct.read(fd, pointer(buffer), length);
	}

	@Override
	public long write(int fd, NativeMemory buffer, long length) {
		return Direct.write(fd, pointer(buffer), length);
	}

	@Override
	public int close(int fd) {
		return Direct.close(fd);
	}

	@Override
	public int fchmod(int fd, int mode) {
		return Direct.fchmod(fd, mode);
	}

	@Override
	public int statx(int dirfd, String path, int flags, int mask, NativeMemory buffer) {
		return Direct.statx(dirfd, path, flags, mask, pointer(buffer));
	}

	@Override
	public String strerror(int errno) {
		return Direct.strerror(errno);
	}

	@Override
	public int flock(int fd, int operation) {
		return Direct.flock(fd, operation);
	}

	@Override
	public int geteuid() {
		return Direct.geteuid();
	}

	@Override
	public int errno() {
		return Native.getLastError();
	}

	private static Pointer pointer(NativeMemory memory) {
		return ((JnaNativeMemory) memory).memory;
	}

	private static @Nullable Pointer nullablePointer(@Nullable NativeMemory memory) {
		return (memory != null) ? pointer(memory) : null;
	}

	/**
	 * The directly mapped functions, under their C names.
	 */
	private static final class Direct {

		private static final Variadic VARIADIC;

		static {
			String library = messageQueueLibrary();
			Native.register(Direct.class, library);
			VARIADIC = Native.load(library, Variadic.class);
		}

		private Direct() {
		}

		/**
		 * Return the library that holds {@code mq_open}: the C library from glibc 2.34
		 * on, librt before.
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

		static native int mq_send(int mqd, Pointer message, long length, int priority);

		static native int mq_timedsend(int mqd, Pointer message, long length, int priority, Pointer absoluteTimeout);

		static native long mq_timedreceive(int mqd, Pointer buffer, long length, @Nullable Pointer priority,
				@Nullable Pointer absoluteTimeout);

		static native int mq_setattr(int mqd, Pointer newAttributes, @Nullable Pointer oldAttributes);

		static native int mq_getattr(int mqd, Pointer attr);

		static native int mq_close(int mqd);

		static native int mq_unlink(String name);

		static native int poll(Pointer fds, long count, int timeoutMillis);

		static native int eventfd(int initialValue, int flags);

		static native long read(int fd, Pointer buffer, long length);

		static native long write(int fd, Pointer buffer, long length);

		static native int close(int fd);

		static native int fchmod(int fd, int mode);

		static native int statx(int dirfd, String path, int flags, int mask, Pointer buffer);

		static native String strerror(int errno);

		static native int flock(int fd, int operation);

		static native int geteuid();

	}

	/**
	 * The variadic calls, which direct mapping cannot express.
	 */
	interface Variadic extends Library {

		int mq_open(String name, int flags, @Nullable Object... modeAndAttr);

	}

}
