package dev.mailslot;

/**
 * Thrown when a read finds no message within the read timeout ({@code ERROR_SEM_TIMEOUT}
 * on Windows), or that {@link MailslotServer#wakeup()} ended early
 * ({@link MailslotWakeupException}). The mailslot is unchanged; reading again is the
 * normal reaction.
 */
public class MailslotTimeoutException extends MailslotException {

	private final ReadTimeout readTimeout;

	public MailslotTimeoutException(MailslotName mailslot, ReadTimeout readTimeout) {
		this(mailslot, readTimeout, "No message arrived on " + mailslot + " within the read timeout of " + readTimeout);
	}

	/**
	 * Create the exception of a read that ended without a message for another reason than
	 * its timeout running out.
	 * @param mailslot the mailslot read
	 * @param readTimeout the read's timeout
	 * @param message what ended the read
	 */
	protected MailslotTimeoutException(MailslotName mailslot, ReadTimeout readTimeout, String message) {
		super(mailslot, message);
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
