package dev.mailslot.transport.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Native memory in an arena of its own, for {@link ForeignPosixCalls}: shared, since a
 * mailslot's buffers are used by its reader and freed by whoever closes it.
 */
final class ForeignNativeMemory implements NativeMemory {

	private final Arena arena;

	final MemorySegment segment;

	private final ByteBuffer byteBuffer;

	ForeignNativeMemory(long size) {
		this.arena = Arena.ofShared();
		this.segment = this.arena.allocate(size, Long.BYTES);
		this.byteBuffer = this.segment.asByteBuffer().order(ByteOrder.nativeOrder());
	}

	@Override
	public long size() {
		return this.segment.byteSize();
	}

	@Override
	public long getLong(long offset) {
		return this.segment.get(ValueLayout.JAVA_LONG, offset);
	}

	@Override
	public void setLong(long offset, long value) {
		this.segment.set(ValueLayout.JAVA_LONG, offset, value);
	}

	@Override
	public int getInt(long offset) {
		return this.segment.get(ValueLayout.JAVA_INT, offset);
	}

	@Override
	public void setInt(long offset, int value) {
		this.segment.set(ValueLayout.JAVA_INT, offset, value);
	}

	@Override
	public short getShort(long offset) {
		return this.segment.get(ValueLayout.JAVA_SHORT, offset);
	}

	@Override
	public void setShort(long offset, short value) {
		this.segment.set(ValueLayout.JAVA_SHORT, offset, value);
	}

	@Override
	public byte[] getBytes(long offset, int length) {
		byte[] bytes = new byte[length];
		MemorySegment.copy(this.segment, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
		return bytes;
	}

	@Override
	public void putBytes(long offset, byte[] source, int sourceOffset, int length) {
		MemorySegment.copy(source, sourceOffset, this.segment, ValueLayout.JAVA_BYTE, offset, length);
	}

	@Override
	public ByteBuffer byteBuffer() {
		return this.byteBuffer;
	}

	@Override
	public void clear() {
		this.segment.fill((byte) 0);
	}

	@Override
	public boolean isOpen() {
		return this.segment.scope().isAlive();
	}

	@Override
	public void close() {
		this.arena.close();
	}

}
