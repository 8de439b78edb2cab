package dev.mailslot.spring.listener.adapter;

/**
 * Thrown when a reply target computed from a message reaches further than
 * {@link PerMessageReplyTargets} allow; nothing is written. The message fails as when its
 * reply cannot be written.
 */
public class ReplyTargetRefusedException extends RuntimeException {

	public ReplyTargetRefusedException(String message) {
		super(message);
	}

}
