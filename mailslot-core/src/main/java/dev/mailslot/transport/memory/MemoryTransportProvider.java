package dev.mailslot.transport.memory;

import java.util.Optional;

import dev.mailslot.MailslotTransport;
import dev.mailslot.spi.MailslotTransportProvider;

/**
 * Provides the {@code memory} transport, which runs everywhere.
 */
public final class MemoryTransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return MemoryMailslotTransport.ID;
	}

	@Override
	public Optional<String> unavailableReason() {
		return Optional.empty();
	}

	@Override
	public MailslotTransport transport() {
		return MemoryMailslotTransport.INSTANCE;
	}

}
