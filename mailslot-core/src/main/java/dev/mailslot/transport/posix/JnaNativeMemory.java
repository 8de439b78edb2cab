package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;

import com.sun.jna.Memory;

/**
 * Native memory that JNA allocated, for {@link JnaPosixCalls}.
 */
final class JnaNativeMemory implements NativeMemory {

	final Memory memory;

	private final ByteBuffer byteBuffer;

	JnaNativeMemory(long size) {
		this.memory = new Memory(size);
		this.byteBuffer = this.memory.getByteBuffer(0, size);
	}

	@Override
	public long size() {
		return this.memory.size();
	}

	@Override
	public long getLong(long offset) {
		return this.memory.getLong(offset);
	}

	@Override
	public void setLong(long offset, long value) {
		this.memory.setLong(offset, value);
	}

	@Override
	public int getInt(long offset) {
		return this.memory.getInt(offset);
	}

	@Override
	public void setInt(long offset, int value) {
		this.memory.setInt(offset, value);
	}

	@Override
	public short getShort(long offset) {
		return this.memory.getShort(offset);
	}

	@Override
	public void setShort(long offset, short value) {
		this.memory.setShort(offset, value);
	}

	@Override
	public byte[] getBytes(long offset, int length) {
		return this.memory.getByteArray(offset, length);
	}

	@Override
	public void putBytes(long offset, byte[] source, int sourceOffset, int length) {
		this.memory.write(offset, source, sourceOffset, length);
	}

	@Override
	public ByteBuffer byteBuffer() {
		return this.byteBuffer;
	}

	@Override
	public void clear() {
		this.memory.clear();
	}

	@Override
	public boolean isOpen() {
		return this.memory.valid();
	}

	@Override
	public void close() {
		this.memory.close();
	}

}
