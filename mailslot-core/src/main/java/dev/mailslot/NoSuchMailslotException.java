package dev.mailslot;

/**
 * Thrown when a client opens, or writes to, a mailslot that no server holds
 * ({@code ERROR_FILE_NOT_FOUND} on Windows).
 */
public class NoSuchMailslotException extends MailslotException {

	public NoSuchMailslotException(MailslotName mailslot, String message) {
		super(mailslot, message);
	}

}
