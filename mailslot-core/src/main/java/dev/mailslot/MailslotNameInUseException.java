package dev.mailslot;

/**
 * Thrown when a server is created under a name that a live server already owns
 * ({@code ERROR_ALREADY_EXISTS} on Windows).
 */
public class MailslotNameInUseException extends MailslotException {

	public MailslotNameInUseException(MailslotName mailslot, String message) {
		super(mailslot, message);
	}

}
