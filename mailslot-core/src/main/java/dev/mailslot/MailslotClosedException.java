package dev.mailslot;

/**
 * Thrown when a server or client is used after it was closed, including a read that was
 * waiting when another thread closed the server.
 */
public class MailslotClosedException extends MailslotException {

	public MailslotClosedException(MailslotName mailslot, String message) {
		super(mailslot, message);
	}

}
