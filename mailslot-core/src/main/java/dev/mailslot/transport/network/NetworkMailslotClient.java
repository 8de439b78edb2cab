package dev.mailslot.transport.network;

import java.nio.ByteBuffer;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;

/**
 * Sends each message as one remote mailslot write. Unacknowledged: a write that returns was sent,
 * not necessarily received.
 */
final class NetworkMailslotClient implements MailslotClient {

	private final NetworkMailslotTransport transport;

	private final MailslotName name;

	private volatile boolean open = true;

	NetworkMailslotClient(NetworkMailslotTransport transport, MailslotName name) {
		this.transport = transport;
		this.name = name;
	}

	@Override
	public MailslotName name() {
		return this.name;
	}

	@Override
	public void write(ByteBuffer message) {
		if (!this.open) {
			throw new MailslotClosedException(this.name, "Mailslot client for " + this.name + " is closed");
		}
		byte[] bytes = new byte[message.remaining()];
		message.get(bytes);
		this.transport.send(this.name, bytes);
	}

	@Override
	public void close() {
		this.open = false;
	}

}
