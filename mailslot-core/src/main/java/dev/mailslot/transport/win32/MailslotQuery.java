package dev.mailslot.transport.win32;

import java.util.function.BooleanSupplier;

import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;

/**
 * GetMailslotInfo on a server handle.
 */
final class MailslotQuery {

	private final Win32Api api;

	private final Win32Errors errors;

	private final HANDLE handle;

	private final MailslotName name;

	private final BooleanSupplier closed;

	/**
	 * Create the query of a server's handle.
	 * @param api the kernel32 calls
	 * @param handle the server's handle
	 * @param name the mailslot
	 * @param closed whether the server is closed, which makes a failure a closed server's
	 */
	MailslotQuery(Win32Api api, HANDLE handle, MailslotName name, BooleanSupplier closed) {
		this.api = api;
		this.errors = new Win32Errors(api);
		this.handle = handle;
		this.name = name;
		this.closed = closed;
	}

	/**
	 * Ask GetMailslotInfo.
	 * @throws MailslotException if it fails
	 */
	Info query() {
		IntByReference maxMessageSize = new IntByReference();
		IntByReference nextSize = new IntByReference();
		IntByReference messageCount = new IntByReference();
		IntByReference readTimeout = new IntByReference();
		if (!this.api.getMailslotInfo(this.handle, maxMessageSize, nextSize, messageCount, readTimeout)) {
			int code = this.api.lastError();
			throw this.closed.getAsBoolean() ? this.errors.readFailure(this.name, code, true)
					: this.errors.failure(this.name, "query (GetMailslotInfo)", code);
		}
		return new Info(maxMessageSize.getValue(), nextSize.getValue(), messageCount.getValue());
	}

	/**
	 * What GetMailslotInfo returned; {@code nextSize} is -1 for MAILSLOT_NO_MESSAGE. The
	 * read timeout it returns may be a read's own; the server keeps its own.
	 *
	 * @param maxMessageSize the largest message the mailslot takes
	 * @param nextSize the size of the next message, or -1
	 * @param messageCount how many messages wait
	 */
	record Info(int maxMessageSize, int nextSize, int messageCount) {

	}

}
