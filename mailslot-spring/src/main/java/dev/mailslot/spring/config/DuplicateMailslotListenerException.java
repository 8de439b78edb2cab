package dev.mailslot.spring.config;

/**
 * Thrown at start-up when two listener methods claim one mailslot or one id.
 */
public class DuplicateMailslotListenerException extends IllegalStateException {

	public DuplicateMailslotListenerException(String message) {
		super(message);
	}

}
