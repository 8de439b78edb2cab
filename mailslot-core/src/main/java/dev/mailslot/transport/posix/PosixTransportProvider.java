package dev.mailslot.transport.posix;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.mailslot.MailslotTransport;
import dev.mailslot.PlatformOption;
import dev.mailslot.spi.MailslotTransportProvider;
import dev.mailslot.spi.OperatingSystem;

/**
 * Provides the {@code posix} transport on 64-bit Linux.
 */
public final class PosixTransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return PosixMailslotTransport.ID;
	}

	@Override
	public Set<OperatingSystem> platforms() {
		return EnumSet.of(OperatingSystem.LINUX);
	}

	@Override
	public OptionalInt defaultPriority() {
		return OptionalInt.of(100);
	}

	@Override
	public Set<PlatformOption> platformOptions() {
		return EnumSet.of(PlatformOption.MODE, PlatformOption.ALLOW_WORLD_ACCESS, PlatformOption.QUEUE_CAPACITY,
				PlatformOption.HOLD_CAPACITY);
	}

	@Override
	public Optional<String> unavailableReason() {
		if (!System.getProperty("os.name").startsWith("Linux")) {
			return Optional.of("it needs Linux (POSIX message queues), and this is " + System.getProperty("os.name"));
		}
		String architecture = System.getProperty("os.arch");
		if (!(architecture.equals("amd64") || architecture.equals("x86_64") || architecture.equals("aarch64"))) {
			return Optional.of("it needs x86-64 or AArch64 (its system-call constants are those of these two), "
					+ "and this is " + architecture);
		}
		return Optional.empty();
	}

	@Override
	public MailslotTransport transport() {
		return PosixMailslotTransport.INSTANCE;
	}

}
