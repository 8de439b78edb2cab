package dev.mailslot.spring.boot.actuate.health;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Status;

/**
 * When a mailslot's waiting messages make its health another status: above a threshold of
 * messages, the given status.
 *
 * @param threshold the message count above which the status applies, or {@code null} for
 * no check
 * @param status the status of a mailslot above the threshold
 */
public record MailslotBacklogCheck(@Nullable Integer threshold, Status status) {

	/**
	 * Return whether a message count is above the threshold.
	 * @param messageCount the messages waiting
	 * @return whether the status applies
	 */
	public boolean appliesTo(int messageCount) {
		return this.threshold != null && messageCount > this.threshold;
	}

}
