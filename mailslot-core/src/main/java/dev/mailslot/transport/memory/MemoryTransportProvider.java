package dev.mailslot.transport.memory;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.mailslot.MailslotTransport;
import dev.mailslot.PlatformOption;
import dev.mailslot.spi.MailslotTransportProvider;
import dev.mailslot.spi.OperatingSystem;

/**
 * Provides the {@code memory} transport, which runs everywhere.
 */
public final class MemoryTransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return MemoryMailslotTransport.ID;
	}

	@Override
	public Set<OperatingSystem> platforms() {
		return EnumSet.allOf(OperatingSystem.class);
	}

	@Override
	public OptionalInt defaultPriority() {
		return OptionalInt.empty();
	}

	@Override
	public Set<PlatformOption> platformOptions() {
		return Set.of();
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
