package dev.mailslot;

/**
 * Thrown by a read that {@link MailslotServer#wakeup()} ended before a message arrived.
 * No message was taken: the mailslot is unchanged. It is a
 * {@link MailslotTimeoutException}, so a loop that reads until it is told to stop needs
 * no catch of its own: the read ends early, as if its timeout had run out, and the loop
 * looks at what it was told.
 */
public class MailslotWakeupException extends MailslotTimeoutException {

	public MailslotWakeupException(MailslotName mailslot, ReadTimeout readTimeout) {
		super(mailslot, readTimeout, "A read of " + mailslot + " was woken up before a message arrived");
	}

}
