package dev.mailslot;

import java.util.OptionalInt;

/**
 * What GetMailslotInfo reports about a mailslot.
 *
 * @param maxMessageSize the largest message the mailslot accepts in bytes; 0 means any
 * size. A transport that imposes a limit reports the limit in force, which may be larger
 * than asked
 * @param nextMessageSize the size of the next message, absent when none is waiting (0 for
 * a zero-length message)
 * @param messageCount the number of messages waiting
 * @param readTimeout the current read timeout
 */
public record MailslotInfo(int maxMessageSize, OptionalInt nextMessageSize, int messageCount, ReadTimeout readTimeout) {

}
