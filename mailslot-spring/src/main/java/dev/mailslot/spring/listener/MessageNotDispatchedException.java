package dev.mailslot.spring.listener;

import java.time.Duration;

/**
 * The cause an error handler gets for a message that was still in the mailslot, or waiting for a
 * dispatcher, when the container's shutdown timeout passed: the listener never saw it.
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
