package dev.mailslot.transport.network;

import java.util.Optional;

import dev.mailslot.MailslotTransport;
import dev.mailslot.spi.MailslotTransportProvider;

/**
 * Names the {@code network} transport. It needs configuration, so it is not made here:
 * create it with {@link NetworkMailslotTransport#start(NetworkOptions)}, or set
 * {@code mailslot.network.enabled=true} in a Spring Boot application.
 */
public final class NetworkTransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return NetworkMailslotTransport.ID;
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
