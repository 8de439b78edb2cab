package dev.mailslot.spring.core;

import dev.mailslot.MailslotException;

/**
 * Thrown when a mailslot server cannot be created at start-up; says where it was asked
 * for, so that the failure report can name the property or the listener to change.
 */
public class MailslotServerStartupException extends RuntimeException {

	private final String source;

	private final String mailslot;

	private final MailslotException mailslotCause;

	/**
	 * Create an exception.
	 * @param source where the server was asked for: a property prefix such as
	 * {@code mailslot.servers.orders}, or a listener method
	 * @param mailslot the mailslot name, as given
	 * @param cause the failure
	 */
	public MailslotServerStartupException(String source, String mailslot, MailslotException cause) {
		super("Cannot create mailslot " + mailslot + " (" + source + "): " + cause.getMessage(), cause);
		this.source = source;
		this.mailslotCause = cause;
		this.mailslot = mailslot;
	}

	public String getSource() {
		return this.source;
	}

	public String getMailslot() {
		return this.mailslot;
	}

	@Override
	public synchronized MailslotException getCause() {
		return this.mailslotCause;
	}

}
