package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;

import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.MailslotName;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.spi.AbstractMailslotClient;

/**
 * A handle from CreateFile on a mailslot name, written with WriteFile. Windows itself
 * carries writes to remote and domain names.
 */
final class Win32MailslotClient extends AbstractMailslotClient {

	/**
	 * Largest message Windows sends between computers ("About Mailslots"): to a host, a
	 * domain or {@code *} name.
	 */
	static final int MAX_BROADCAST_MESSAGE_SIZE = 424;

	private final Win32Api api;

	private final Win32Errors errors;

	private final HANDLE handle;

	Win32MailslotClient(Win32Api api, MailslotName name, HANDLE handle) {
		super(name);
		this.api = api;
		this.errors = new Win32Errors(api);
		this.handle = handle;
	}

	@Override
	protected synchronized void send(ByteBuffer message) {
		int size = message.remaining();
		if (!name().isLocal() && size > MAX_BROADCAST_MESSAGE_SIZE) {
			throw new MessageTooLargeException(name(), size, MAX_BROADCAST_MESSAGE_SIZE,
					"Message of " + size + " bytes is larger than the " + MAX_BROADCAST_MESSAGE_SIZE
							+ " bytes Windows sends between " + "computers (" + name()
							+ "); nothing was sent. Send at most " + MAX_BROADCAST_MESSAGE_SIZE
							+ " bytes to another computer, or use a named pipe or a socket for larger messages");
		}
		ensureOpen();
		byte[] bytes = new byte[size];
		message.get(bytes);
		IntByReference written = new IntByReference();
		if (!this.api.writeFile(this.handle, bytes, size, written)) {
			throw this.errors.writeFailure(name(), this.api.lastError(), size);
		}
	}

	/**
	 * Close the handle, never while a write uses it.
	 */
	@Override
	public synchronized void close() {
		super.close();
	}

	@Override
	protected void doClose() {
		this.api.closeHandle(this.handle);
	}

}
