package dev.mailslot.spring.listener;

/**
 * Thrown when a replay of a dead-letter directory is asked for while another one runs.
 */
public class DeadLetterReplayInProgressException extends IllegalStateException {

	/**
	 * Create an exception.
	 * @param message what runs and what to do
	 */
	public DeadLetterReplayInProgressException(String message) {
		super(message);
	}

}
