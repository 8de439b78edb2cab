package dev.mailslot;

/**
 * Thrown when a read finds no message within the read timeout ({@code ERROR_SEM_TIMEOUT} on
 * Windows). The mailslot is unchanged; reading again is the normal reaction.
 */
public class MailslotTimeoutException extends MailslotException {

	private final ReadTimeout readTimeout;

	public MailslotTimeoutException(MailslotName mailslot, ReadTimeout readTimeout) {
		super(mailslot, "No message arrived on " + mailslot + " within the read timeout of " + readTimeout);
		this.readTimeout = readTimeout;
	}

	/**
	 * Return the read timeout that ran out.
	 * @return the read timeout
	 */
	public ReadTimeout getReadTimeout() {
		return this.readTimeout;
	}

}
