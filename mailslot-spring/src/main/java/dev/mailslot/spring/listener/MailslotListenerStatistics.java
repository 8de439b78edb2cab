package dev.mailslot.spring.listener;

/**
 * Counts of a listener container since it was created.
 *
 * @param received messages read from the mailslot
 * @param bytesReceived bytes of those messages
 * @param processed messages the listener processed (perhaps after retries)
 * @param failures calls of the listener that threw, retries included
 * @param unprocessed messages handed to the error handler (after retries, for a payload
 * that did not convert, or taken but not dispatched by the shutdown timeout)
 * @param inFlight messages received and neither processed nor unprocessed yet: in a
 * listener call (retries included) or on their way to one. After a shutdown, the messages
 * of calls that outlasted it, which it logged as in flight at shutdown: they go on while
 * the application closes, and are not processed if it exits first
 */
public record MailslotListenerStatistics(long received, long bytesReceived, long processed, long failures,
		long unprocessed, long inFlight) {

}
