package dev.mailslot.transport.network;

import java.nio.ByteBuffer;

import dev.mailslot.MailslotName;
import dev.mailslot.spi.AbstractMailslotClient;

/**
 * Sends each message as one remote mailslot write. Unacknowledged: a write that returns was sent,
 * not necessarily received.
 */
final class NetworkMailslotClient extends AbstractMailslotClient {

	private final NetworkMailslotTransport transport;

	NetworkMailslotClient(NetworkMailslotTransport transport, MailslotName name) {
		super(name);
		this.transport = transport;
	}

	@Override
	protected void send(ByteBuffer message) {
		byte[] bytes = new byte[message.remaining()];
		message.get(bytes);
		this.transport.send(name(), bytes);
	}

}
