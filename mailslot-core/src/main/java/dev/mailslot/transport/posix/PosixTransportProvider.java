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
		if (!Platform.is64Bit() || !(Platform.ARCH.equals("x86-64") || Platform.ARCH.equals("aarch64"))) {
			return Optional.of("it needs x86-64 or AArch64 (its system-call constants are those of these two), "
					+ "and this is " + Platform.ARCH);
		}
		return Optional.empty();
	}

	@Override
	public MailslotTransport transport() {
		return PosixMailslotTransport.INSTANCE;
	}

}
