package dev.mailslot.spring.listener.adapter;

/**
 * Thrown when a listener method returned a reply that could not be written; the cause
 * says why (no mailslot, a full one, no converter, an expression that gave no target).
 * The message goes to the listener's failure handling, as when the method throws.
 */
public class ReplyFailedException extends RuntimeException {

	public ReplyFailedException(String method, String destination, Throwable cause) {
		super("Listener method " + method + " could not send its reply to @SendTo(\"" + destination + "\"): " + cause,
				cause);
	}

}
