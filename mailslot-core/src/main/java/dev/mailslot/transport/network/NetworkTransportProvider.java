package dev.mailslot.transport.network;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.mailslot.MailslotTransport;
import dev.mailslot.PlatformOption;
import dev.mailslot.spi.MailslotTransportProvider;
import dev.mailslot.spi.OperatingSystem;

/**
 * Names the {@code network} transport. It needs configuration, so it is not made here: create it
 * with {@link NetworkMailslotTransport#start(NetworkOptions)}, or set
 * {@code mailslot.network.enabled=true} in a Spring Boot application.
 */
public final class NetworkTransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return NetworkMailslotTransport.ID;
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
		return Optional.of("it needs an address, a NetBIOS name and a workgroup: start it with "
				+ "NetworkMailslotTransport.start(NetworkOptions)");
	}

	@Override
	public MailslotTransport transport() {
		throw new IllegalStateException(unavailableReason().orElseThrow());
	}

}
