package dev.mailslot.spring.core;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotName;

/**
 * Tells which running listener reads a mailslot, so that {@link MailslotTemplate} refuses
 * to receive from it: the two would race for its messages.
 */
@FunctionalInterface
public interface MailslotReaders {

	/**
	 * Return the id of the running listener that reads a mailslot.
	 * @param mailslot the mailslot
	 * @return the listener id, or {@code null} when no running listener reads it
	 */
	@Nullable String listenerReading(MailslotName mailslot);

}
