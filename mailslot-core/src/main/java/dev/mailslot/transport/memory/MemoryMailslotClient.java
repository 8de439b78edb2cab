package dev.mailslot.transport.memory;

import java.nio.ByteBuffer;

import dev.mailslot.MailslotName;
import dev.mailslot.spi.AbstractMailslotClient;

/**
 * Writes to a {@link MemoryMailslotServer}.
 */
final class MemoryMailslotClient extends AbstractMailslotClient {

	private final MemoryMailslotServer server;

	MemoryMailslotClient(MailslotName name, MemoryMailslotServer server) {
		super(name);
		this.server = server;
	}

	@Override
	protected void send(ByteBuffer message) {
		this.server.deliver(message);
	}

}
