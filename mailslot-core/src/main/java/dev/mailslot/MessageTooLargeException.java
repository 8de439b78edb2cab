package dev.mailslot;

/**
 * Thrown when a message is larger than the mailslot accepts. Nothing was sent.
 */
public class MessageTooLargeException extends MailslotException {

	private final long messageSize;

	private final long maxMessageSize;

	public MessageTooLargeException(MailslotName mailslot, long messageSize, long maxMessageSize, String message) {
		super(mailslot, message);
		this.messageSize = messageSize;
		this.maxMessageSize = maxMessageSize;
	}

	/**
	 * Return the size of the refused message.
	 * @return the size in bytes
	 */
	public long getMessageSize() {
		return this.messageSize;
	}

	/**
	 * Return the largest message the mailslot accepts, where the writer knows it. A win32
	 * writer does not: only the server can ask GetMailslotInfo.
	 * @return the size in bytes, or -1 if the writer cannot know it
	 */
	public long getMaxMessageSize() {
		return this.maxMessageSize;
	}

}
