package dev.mailslot.transport.posix;

import java.util.Optional;

import com.sun.jna.Platform;

import dev.mailslot.MailslotTransport;
import dev.mailslot.spi.MailslotTransportProvider;

/**
 * Provides the {@code posix} transport on 64-bit Linux.
 */
public final class PosixTransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return PosixMailslotTransport.ID;
	}

	@Override
	public Optional<String> unavailableReason() {
		if (!Platform.isLinux()) {
			return Optional.of("it needs Linux (POSIX message queues), and this is " + System.getProperty("os.name"));
		}
		if (!Platform.is64Bit()) {
			return Optional.of("it needs a 64-bit JVM");
		}
		return Optional.empty();
	}

	@Override
	public MailslotTransport transport() {
		return PosixMailslotTransport.INSTANCE;
	}

}
