package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;

/**
 * A block of native memory that the C library calls read and write: a {@code struct} or a
 * message buffer, allocated by the {@link PosixCalls} that passes it. Offsets and sizes
 * are in bytes; values are in the platform's byte order.
 */
interface NativeMemory extends AutoCloseable {

	long size();

	long getLong(long offset);

	void setLong(long offset, long value);

	int getInt(long offset);

	void setInt(long offset, int value);

	short getShort(long offset);

	void setShort(long offset, short value);

	/**
	 * Copy bytes out into a new array.
	 */
	byte[] getBytes(long offset, int length);

	/**
	 * Copy bytes in from an array.
	 */
	void putBytes(long offset, byte[] source, int sourceOffset, int length);

	/**
	 * Return a view of the whole block, made once: callers position it as they need.
	 */
	ByteBuffer byteBuffer();

	/**
	 * Set every byte to 0.
	 */
	void clear();

	/**
	 * Return whether the memory is still allocated.
	 */
	boolean isOpen();

	/**
	 * Free the memory; later calls fail.
	 */
	@Override
	void close();

}
