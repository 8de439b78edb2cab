package dev.mailslot.transport.memory;

import java.nio.ByteBuffer;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;

/**
 * Writes to a {@link MemoryMailslotServer}.
 */
final class MemoryMailslotClient implements MailslotClient {

	private final MailslotName name;

	private final MemoryMailslotServer server;

	private volatile boolean open = true;

	MemoryMailslotClient(MailslotName name, MemoryMailslotServer server) {
		this.name = name;
		this.server = server;
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
		this.server.deliver(message);
	}

	@Override
	public void close() {
		this.open = false;
	}

}
