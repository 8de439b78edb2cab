package dev.mailslot;

/**
 * Thrown by {@link MailslotServer#read(java.nio.ByteBuffer)} when the next message does
 * not fit in the buffer ({@code ERROR_INSUFFICIENT_BUFFER} on Windows). The message stays
 * queued: read again with a buffer of at least {@link #getRequiredSize()} bytes.
 */
public class BufferTooSmallException extends MailslotException {

	private final int requiredSize;

	private final int availableSize;

	public BufferTooSmallException(MailslotName mailslot, int requiredSize, int availableSize) {
		super(mailslot,
				"Next message on " + mailslot + " has " + requiredSize + " bytes but the buffer has room for "
						+ availableSize + "; the message stays queued, read it with a buffer of at least "
						+ requiredSize + " bytes");
		this.requiredSize = requiredSize;
		this.availableSize = availableSize;
	}

	/**
	 * Return the size of the message that did not fit.
	 * @return the size in bytes
	 */
	public int getRequiredSize() {
		return this.requiredSize;
	}

	/**
	 * Return the room the buffer had.
	 * @return the size in bytes
	 */
	public int getAvailableSize() {
		return this.availableSize;
	}

}
