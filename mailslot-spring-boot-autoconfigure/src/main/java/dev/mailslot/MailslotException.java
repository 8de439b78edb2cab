package dev.mailslot;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every failure of a mailslot operation. Subclasses say what went wrong;
 * the message says what to do about it.
 */
public class MailslotException extends RuntimeException {

	private final @Nullable MailslotName mailslot;

	public MailslotException(@Nullable MailslotName mailslot, String message) {
		this(mailslot, message, null);
	}

	public MailslotException(@Nullable MailslotName mailslot, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.mailslot = mailslot;
	}

	/**
	 * Return the mailslot the failed operation addressed, if known.
	 * @return the mailslot name, or {@code null}
	 */
	public @Nullable MailslotName getMailslot() {
		return this.mailslot;
	}

}
