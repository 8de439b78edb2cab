package dev.mailslot;

/**
 * Thrown when a transport is asked for that this platform cannot run, or that does not
 * exist. The message lists the transports there are and which of them can run here.
 */
public class TransportUnavailableException extends MailslotException {

	private final String transport;

	public TransportUnavailableException(String transport, String message) {
		super(null, message);
		this.transport = transport;
	}

	public TransportUnavailableException(String transport, String message, Throwable cause) {
		super(null, message, cause);
		this.transport = transport;
	}

	/**
	 * Return the transport that was asked for.
	 * @return the transport id
	 */
	public String getTransport() {
		return this.transport;
	}

}
