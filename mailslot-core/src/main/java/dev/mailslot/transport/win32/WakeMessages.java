package dev.mailslot.transport.win32;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.MailslotName;

/**
 * The messages that wake a read waiting inside ReadFile on a synchronous handle (Wine),
 * which neither CancelIoEx nor an event can end: random bytes written to the mailslot,
 * which its reader recognizes and drops. At most one written for a wake-up waits in the
 * mailslot at a time, so wake-ups that come faster than the reader never flood it.
 */
final class WakeMessages {

	private static final int SIZE = 16;

	private final Win32Api api;

	private final MailslotName name;

	private final byte[] message;

	/** Whether a wake-up's message was written and not read yet. */
	private final AtomicBoolean waiting = new AtomicBoolean();

	/**
	 * Create the wake-up messages of a mailslot.
	 * @param api the kernel32 calls
	 * @param name the mailslot
	 * @param maxMessageSize the mailslot's maximum message size: the message has 16
	 * bytes, or as many as that allows, since a waiting read's buffer has that size and
	 * Wine cuts a longer message to fit it
	 */
	WakeMessages(Win32Api api, MailslotName name, int maxMessageSize) {
		this.api = api;
		this.name = name;
		this.message = new byte[(maxMessageSize > 0) ? Math.min(SIZE, maxMessageSize) : SIZE];
		new SecureRandom().nextBytes(this.message);
	}

	/**
	 * Write a message for a wake-up, unless one written for an earlier wake-up still
	 * waits to be read. Call while the handle is open, so that it cannot reach a later
	 * mailslot of the name.
	 */
	void writeForWakeup() {
		if (this.waiting.compareAndSet(false, true) && !write()) {
			this.waiting.set(false);
		}
	}

	/**
	 * Write a message to wake a read at close.
	 */
	void writeForClose() {
		write();
	}

	/**
	 * Return whether what a read took is a wake message, and if so count it as read.
	 * @param read what the read took
	 */
	boolean take(byte[] read) {
		if (!Arrays.equals(read, this.message)) {
			return false;
		}
		this.waiting.set(false);
		return true;
	}

	/**
	 * Return the size of a wake message.
	 */
	int size() {
		return this.message.length;
	}

	private boolean write() {
		HANDLE client = this.api.openForWriting(this.name.toString());
		if (client == null || Win32Api.INVALID_HANDLE.equals(client)) {
			return false;
		}
		try {
			return this.api.writeFile(client, this.message, this.message.length, new IntByReference());
		}
		finally {
			this.api.closeHandle(client);
		}
	}

}
