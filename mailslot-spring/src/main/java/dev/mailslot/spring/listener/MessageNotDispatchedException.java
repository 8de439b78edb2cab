package dev.mailslot.spring.listener;

import java.time.Duration;

/**
 * The cause an error handler gets for a message the container had taken from the mailslot
 * but not yet dispatched when its shutdown timeout passed (waiting for a dispatcher, or
 * read as the timeout passed): the listener never saw it. Messages still in the mailslot
 * stay there.
 */
public class MessageNotDispatchedException extends RuntimeException {

	private final Duration shutdownTimeout;

	/**
	 * Create an exception.
	 * @param shutdownTimeout the shutdown timeout that passed
	 */
	public MessageNotDispatchedException(Duration shutdownTimeout) {
		super("Not dispatched before the listener's shutdown timeout of " + shutdownTimeout);
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Return the shutdown timeout that passed.
	 * @return the shutdown timeout
	 */
	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

}
