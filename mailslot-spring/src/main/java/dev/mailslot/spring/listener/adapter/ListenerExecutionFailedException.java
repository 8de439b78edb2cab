package dev.mailslot.spring.listener.adapter;

/**
 * Thrown when a listener method throws; the cause is what it threw.
 */
public class ListenerExecutionFailedException extends RuntimeException {

	public ListenerExecutionFailedException(String method, Throwable cause) {
		super("Listener method " + method + " threw " + cause, cause);
	}

}
