package dev.mailslot.spi;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import dev.mailslot.MailslotName;

/**
 * A client that holds nothing of its own and hands each message to a function: for
 * transports whose writes go straight to a server in this JVM or onto a socket the
 * transport owns.
 */
public final class DelegatingMailslotClient extends AbstractMailslotClient {

	private final Consumer<ByteBuffer> sender;

	/**
	 * Create a client.
	 * @param name the mailslot it writes to
	 * @param sender what sends a message, consuming the buffer's remaining bytes
	 */
	public DelegatingMailslotClient(MailslotName name, Consumer<ByteBuffer> sender) {
		super(name);
		this.sender = sender;
	}

	@Override
	protected void send(ByteBuffer message) {
		this.sender.accept(message);
	}

}
