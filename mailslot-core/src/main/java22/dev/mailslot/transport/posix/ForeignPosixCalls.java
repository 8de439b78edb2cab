package dev.mailslot.transport.posix;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

/**
 * The C library calls through the Foreign Function and Memory API: the binding on Java 22
 * and later, loaded by {@link LibC} by name so that older runtimes never see it. Every
 * call captures {@code errno} into memory of the calling thread. {@code mq_send} and
 * {@code mq_getattr}, which return at once on the descriptors that use them, are critical
 * calls: {@code mq_send} takes a message's bytes where they are, in the Java heap or not,
 * without copying them.
 */
final class ForeignPosixCalls implements PosixCalls {

	static final String ID = "ffm";

	private static final Linker LINKER = Linker.nativeLinker();

	private static final SymbolLookup LIBRARIES = messageQueueLibrary();

	private static final StructLayout CALL_STATE_LAYOUT = Linker.Option.captureStateLayout();

	private static final VarHandle ERRNO = CALL_STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

	private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

	private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

	private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;

	private static final AddressLayout ADDRESS = ValueLayout.ADDRESS;

	private static final MethodHandle MQ_OPEN = function("mq_open",
			FunctionDescriptor.of(INT, ADDRESS, INT, INT, ADDRESS), Linker.Option.firstVariadicArg(2));

	private static final MethodHandle MQ_SEND = function("mq_send", FunctionDescriptor.of(INT, INT, ADDRESS, LONG, INT),
			Linker.Option.critical(true));

	private static final MethodHandle MQ_TIMEDSEND = function("mq_timedsend",
			FunctionDescriptor.of(INT, INT, ADDRESS, LONG, INT, ADDRESS));

	private static final MethodHandle MQ_TIMEDRECEIVE = function("mq_timedreceive",
			FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, ADDRESS, ADDRESS));

	private static final MethodHandle MQ_SETATTR = function("mq_setattr",
			FunctionDescriptor.of(INT, INT, ADDRESS, ADDRESS));

	private static final MethodHandle MQ_GETATTR = function("mq_getattr", FunctionDescriptor.of(INT, INT, ADDRESS),
			Linker.Option.critical(false));

	private static final MethodHandle MQ_CLOSE = function("mq_close", FunctionDescriptor.of(INT, INT));

	private static final MethodHandle MQ_UNLINK = function("mq_unlink", FunctionDescriptor.of(INT, ADDRESS));

	private static final MethodHandle POLL = function("poll", FunctionDescriptor.of(INT, ADDRESS, LONG, INT));

	private static final MethodHandle EVENTFD = function("eventfd", FunctionDescriptor.of(INT, INT, INT));

	private static final MethodHandle READ = function("read", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG));

	private static final MethodHandle WRITE = function("write", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG));

	private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(INT, INT));

	private static final MethodHandle FCHMOD = function("fchmod", FunctionDescriptor.of(INT, INT, INT));

	private static final MethodHandle STATX = function("statx",
			FunctionDescriptor.of(INT, INT, ADDRESS, INT, INT, ADDRESS));

	private static final MethodHandle FLOCK = function("flock", FunctionDescriptor.of(INT, INT, INT));

	private static final MethodHandle STRERROR = LINKER.downcallHandle(symbol("strerror"), FunctionDescriptor
		.of(ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE)), INT));

	private static final MethodHandle GETEUID = LINKER.downcallHandle(symbol("geteuid"), FunctionDescriptor.of(INT));

	/** Each thread's {@code errno}, as its last call left it. */
	private static final ThreadLocal<MemorySegment> CALL_STATE = ThreadLocal
		.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE_LAYOUT));

	/**
	 * Return the libraries to look functions up in: the C library, which holds
	 * {@code mq_open} from glibc 2.34 on, and librt before it.
	 */
	private static SymbolLookup messageQueueLibrary() {
		SymbolLookup c = LINKER.defaultLookup();
		if (c.find("mq_open").isPresent()) {
			return c;
		}
		return SymbolLookup.libraryLookup("librt.so.1", Arena.global()).or(c);
	}

	private static MemorySegment symbol(String name) {
		return LIBRARIES.find(name)
			.orElseThrow(() -> new UnsatisfiedLinkError("No function " + name + " in the C library or librt"));
	}

	private static MethodHandle function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
		Linker.Option[] all = new Linker.Option[options.length + 1];
		all[0] = CAPTURE_ERRNO;
		System.arraycopy(options, 0, all, 1, options.length);
		return LINKER.downcallHandle(symbol(name), descriptor, all);
	}

	private static MemorySegment callState() {
		return CALL_STATE.get();
	}

	private static MemorySegment segment(@Nullable NativeMemory memory) {
		return (memory != null) ? ((ForeignNativeMemory) memory).segment : MemorySegment.NULL;
	}

	private static IllegalStateException failed(String function, Throwable ex) {
		return new IllegalStateException("Call of " + function + " through the Foreign Function and Memory API failed",
				ex);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public NativeMemory allocate(long size) {
		return new ForeignNativeMemory(size);
	}

	@Override
	public boolean copiesSentMessages() {
		return false;
	}

	@Override
	public int mqOpen(String name, int flags, int mode, @Nullable NativeMemory attributes) {
		try (Arena arena = Arena.ofConfined()) {
			return (int) MQ_OPEN.invokeExact(callState(), arena.allocateFrom(name), flags, mode, segment(attributes));
		}
		catch (Throwable ex) {
			throw failed("mq_open", ex);
		}
	}

	@Override
	public int mqSend(int mqd, ByteBuffer message, NativeMemory buffer) {
		try {
			return (int) MQ_SEND.invokeExact(callState(), mqd, MemorySegment.ofBuffer(message),
					(long) message.remaining(), 0);
		}
		catch (Throwable ex) {
			throw failed("mq_send", ex);
		}
	}

	@Override
	public int mqTimedsend(int mqd, NativeMemory message, long length, int priority, NativeMemory absoluteTimeout) {
		try {
			return (int) MQ_TIMEDSEND.invokeExact(callState(), mqd, segment(message), length, priority,
					segment(absoluteTimeout));
		}
		catch (Throwable ex) {
			throw failed("mq_timedsend", ex);
		}
	}

	@Override
	public long mqTimedreceive(int mqd, NativeMemory buffer, long length, @Nullable NativeMemory absoluteTimeout) {
		try {
			return (long) MQ_TIMEDRECEIVE.invokeExact(callState(), mqd, segment(buffer), length, MemorySegment.NULL,
					segment(absoluteTimeout));
		}
		catch (Throwable ex) {
			throw failed("mq_timedreceive", ex);
		}
	}

	@Override
	public int mqSetattr(int mqd, NativeMemory attributes) {
		try {
			return (int) MQ_SETATTR.invokeExact(callState(), mqd, segment(attributes), MemorySegment.NULL);
		}
		catch (Throwable ex) {
			throw failed("mq_setattr", ex);
		}
	}

	@Override
	public int mqGetattr(int mqd, NativeMemory attributes) {
		try {
			return (int) MQ_GETATTR.invokeExact(callState(), mqd, segment(attributes));
		}
		catch (Throwable ex) {
			throw failed("mq_getattr", ex);
		}
	}

	@Override
	public int mqClose(int mqd) {
		try {
			return (int) MQ_CLOSE.invokeExact(callState(), mqd);
		}
		catch (Throwable ex) {
			throw failed("mq_close", ex);
		}
	}

	@Override
	public int mqUnlink(String name) {
		try (Arena arena = Arena.ofConfined()) {
			return (int) MQ_UNLINK.invokeExact(callState(), arena.allocateFrom(name));
		}
		catch (Throwable ex) {
			throw failed("mq_unlink", ex);
		}
	}

	@Override
	public int poll(NativeMemory fds, long count, int timeoutMillis) {
		try {
			return (int) POLL.invokeExact(callState(), segment(fds), count, timeoutMillis);
		}
		catch (Throwable ex) {
			throw failed("poll", ex);
		}
	}

	@Override
	public int eventfd(int initialValue, int flags) {
		try {
			return (int) EVENTFD.invokeExact(callState(), initialValue, flags);
		}
		catch (Throwable ex) {
			throw failed("eventfd", ex);
		}
	}

	@Override
	public long read(int fd, NativeMemory buffer, long length) {
		try {
			return (long) READ.invokeExact(callState(), fd, segment(buffer), length);
		}
		catch (Throwable ex) {
			throw failed("read", ex);
		}
	}

	@Override
	public long write(int fd, NativeMemory buffer, long length) {
		try {
			return (long) WRITE.invokeExact(callState(), fd, segment(buffer), length);
		}
		catch (Throwable ex) {
			throw failed("write", ex);
		}
	}

	@Override
	public int close(int fd) {
		try {
			return (int) CLOSE.invokeExact(callState(), fd);
		}
		catch (Throwable ex) {
			throw failed("close", ex);
		}
	}

	@Override
	public int fchmod(int fd, int mode) {
		try {
			return (int) FCHMOD.invokeExact(callState(), fd, mode);
		}
		catch (Throwable ex) {
			throw failed("fchmod", ex);
		}
	}

	@Override
	public int statx(int dirfd, String path, int flags, int mask, NativeMemory buffer) {
		try (Arena arena = Arena.ofConfined()) {
			return (int) STATX.invokeExact(callState(), dirfd, arena.allocateFrom(path), flags, mask, segment(buffer));
		}
		catch (Throwable ex) {
			throw failed("statx", ex);
		}
	}

	@Override
	public String strerror(int errno) {
		try {
			return ((MemorySegment) STRERROR.invokeExact(errno)).getString(0);
		}
		catch (Throwable ex) {
			throw failed("strerror", ex);
		}
	}

	@Override
	public int flock(int fd, int operation) {
		try {
			return (int) FLOCK.invokeExact(callState(), fd, operation);
		}
		catch (Throwable ex) {
			throw failed("flock", ex);
		}
	}

	@Override
	public int geteuid() {
		try {
			return (int) GETEUID.invokeExact();
		}
		catch (Throwable ex) {
			throw failed("geteuid", ex);
		}
	}

	@Override
	public int errno() {
		return (int) ERRNO.get(callState(), 0L);
	}

}
