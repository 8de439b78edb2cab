package dev.mailslot.spring.listener;

/**
 * Counts of a listener container since it was created.
 *
 * @param received messages read from the mailslot
 * @param bytesReceived bytes of those messages
 * @param processed messages the listener processed (perhaps after retries)
 * @param failures calls of the listener that threw, retries included
 * @param unprocessed messages handed to the error handler (after retries, for a payload that did
 * not convert, or at shutdown)
 */
public record MailslotListenerStatistics(long received, long bytesReceived, long processed, long failures,
		long unprocessed) {

}
