package dev.mailslot.transport.win32;

import java.util.function.Supplier;

import com.sun.jna.platform.win32.WinNT.HANDLE;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.ReadTimeout;

/**
 * The read timeout on a server handle, which SetMailslotInfo sets for the whole mailslot:
 * the server's, or a read's own while that read runs. It remembers what the handle holds,
 * so that a read sets only a timeout the handle does not hold yet, and a restore that
 * failed is made good by the next read.
 */
final class HandleReadTimeout {

	private static final System.Logger logger = System.getLogger(HandleReadTimeout.class.getName());

	private final Win32Api api;

	private final Win32Errors errors;

	private final HANDLE handle;

	private final MailslotName name;

	/** Guarded by this. */
	private long onHandle;

	HandleReadTimeout(Win32Api api, HANDLE handle, MailslotName name, ReadTimeout created) {
		this.api = api;
		this.errors = new Win32Errors(api);
		this.handle = handle;
		this.name = name;
		this.onHandle = created.toWin32Millis();
	}

	/**
	 * Have the handle hold a timeout, setting it if it holds another.
	 * @throws MailslotException if SetMailslotInfo fails
	 */
	synchronized void use(ReadTimeout timeout) {
		long millis = timeout.toWin32Millis();
		if (millis != this.onHandle) {
			set(millis);
		}
	}

	/**
	 * Set the server's new timeout on the handle and, once set, keep it as the server's.
	 * @param keep what keeps it as the server's
	 * @throws MailslotException if SetMailslotInfo fails
	 */
	synchronized void change(ReadTimeout timeout, Runnable keep) {
		set(timeout.toWin32Millis());
		keep.run();
	}

	/**
	 * Set the server's timeout back after a read. A failure is logged, not thrown: the
	 * read may have taken a message, which must reach its caller; the next read sets the
	 * timeout it needs.
	 */
	synchronized void restore(Supplier<ReadTimeout> serverTimeout) {
		ReadTimeout timeout = serverTimeout.get();
		try {
			use(timeout);
		}
		catch (MailslotException ex) {
			logger.log(System.Logger.Level.WARNING, "Cannot restore the read timeout " + timeout + " of mailslot "
					+ this.name + " after a read with its own; the next read sets it again", ex);
		}
	}

	private void set(long millis) {
		if (!this.api.setMailslotInfo(this.handle, (int) millis)) {
			throw this.errors.failure(this.name, "set the read timeout (SetMailslotInfo) of", this.api.lastError());
		}
		this.onHandle = millis;
	}

}
