package dev.mailslot;

import java.time.Duration;

/**
 * Thrown when a write waited as long as it was allowed for room in a full mailslot: the
 * reader has not kept up. Nothing was sent.
 */
public class MailslotWriteTimeoutException extends MailslotException {

	private final Duration writeTimeout;

	public MailslotWriteTimeoutException(MailslotName mailslot, Duration writeTimeout, String message) {
		super(mailslot, message);
		this.writeTimeout = writeTimeout;
	}

	/**
	 * Return the write timeout that ran out.
	 * @return the write timeout
	 */
	public Duration getWriteTimeout() {
		return this.writeTimeout;
	}

}
