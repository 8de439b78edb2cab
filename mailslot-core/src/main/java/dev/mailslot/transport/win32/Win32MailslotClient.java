package dev.mailslot.transport.win32;

import java.nio.ByteBuffer;

import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;
import dev.mailslot.MessageTooLargeException;

/**
 * A handle from CreateFile on a mailslot name, written with WriteFile. Windows itself carries
 * writes to remote and domain names.
 */
final class Win32MailslotClient implements MailslotClient {

	/** Largest message Windows sends to a domain or {@code *} name. */
	static final int MAX_BROADCAST_MESSAGE_SIZE = 424;

	private final Win32Api api;

	private final Win32Errors errors;

	private final MailslotName name;

	private final HANDLE handle;

	private boolean open = true;

	Win32MailslotClient(Win32Api api, MailslotName name, HANDLE handle) {
		this.api = api;
		this.errors = new Win32Errors(api);
		this.name = name;
		this.handle = handle;
	}

	@Override
	public MailslotName name() {
		return this.name;
	}

	@Override
	public synchronized void write(ByteBuffer message) {
		int size = message.remaining();
		if (this.name.scope() == MailslotName.Scope.PRIMARY_DOMAIN && size > MAX_BROADCAST_MESSAGE_SIZE) {
			throw new MessageTooLargeException(this.name, size, MAX_BROADCAST_MESSAGE_SIZE, "Message of " + size
					+ " bytes is larger than the " + MAX_BROADCAST_MESSAGE_SIZE + " bytes Windows sends to a domain "
					+ "(" + this.name + "); nothing was sent");
		}
		if (!this.open) {
			throw new MailslotClosedException(this.name, "Mailslot client for " + this.name + " is closed");
		}
		byte[] bytes = new byte[size];
		message.get(bytes);
		IntByReference written = new IntByReference();
		if (!this.api.writeFile(this.handle, bytes, size, written)) {
			throw this.errors.writeFailure(this.name, this.api.lastError(), size);
		}
	}

	@Override
	public synchronized void close() {
		if (this.open) {
			this.open = false;
			this.api.closeHandle(this.handle);
		}
	}

	@Override
	public String toString() {
		return "Win32MailslotClient[" + this.name + "]";
	}

}
