package dev.mailslot;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every failure of a mailslot operation. Subclasses say what went wrong;
 * the message says what to do about it.
 */
public class MailslotException extends RuntimeException {

	private final @Nullable MailslotName mailslot;

	private int nativeErrorCode = -1;

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

	/**
	 * Return the operating system's error code behind this failure: a Win32 error code on
	 * the win32 transport, an {@code errno} value on the posix transport.
	 * @return the code, or empty when the failure did not come from the operating system
	 */
	public OptionalInt getNativeErrorCode() {
		return (this.nativeErrorCode >= 0) ? OptionalInt.of(this.nativeErrorCode) : OptionalInt.empty();
	}

	/**
	 * Record the operating system's error code behind this failure. Transports call this
	 * once, where they create the exception.
	 * @param code the Win32 error code or {@code errno} value
	 * @return this exception
	 */
	public MailslotException withNativeErrorCode(int code) {
		this.nativeErrorCode = code;
		return this;
	}

}
