package dev.mailslot;

/**
 * Thrown when a text is not a valid mailslot name, or is valid but cannot be used where
 * it was given (a remote name for a server, a name too long for a transport). The message
 * names the bad part and the rule it breaks.
 */
public class InvalidMailslotNameException extends MailslotException {

	private final String name;

	public InvalidMailslotNameException(String name, String message) {
		super(null, message);
		this.name = name;
	}

	/**
	 * Return the rejected name as it was given.
	 * @return the rejected name
	 */
	public String getName() {
		return this.name;
	}

}
