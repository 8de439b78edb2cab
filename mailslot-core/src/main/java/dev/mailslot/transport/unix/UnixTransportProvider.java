package dev.mailslot.transport.unix;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.mailslot.MailslotTransport;
import dev.mailslot.PlatformOption;
import dev.mailslot.spi.MailslotTransportProvider;
import dev.mailslot.spi.OperatingSystem;

/**
 * Provides the {@code unix} transport on Linux, macOS and the BSDs: the default on macOS
 * and the BSDs, which have no POSIX message queues; on Linux {@code posix} stays the
 * default.
 */
public final class UnixTransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return UnixMailslotTransport.ID;
	}

	@Override
	public Set<OperatingSystem> platforms() {
		return EnumSet.of(OperatingSystem.LINUX, OperatingSystem.MACOS, OperatingSystem.BSD);
	}

	@Override
	public OptionalInt defaultPriority() {
		return OptionalInt.of(50);
	}

	@Override
	public Set<PlatformOption> platformOptions() {
		return EnumSet.of(PlatformOption.MODE, PlatformOption.ALLOW_WORLD_ACCESS, PlatformOption.HOLD_CAPACITY);
	}

	@Override
	public Optional<String> unavailableReason() {
		if (!platforms().contains(OperatingSystem.current())) {
			return Optional.of("it needs Linux, macOS or a BSD (Unix domain sockets in a directory of the user), and "
					+ "this is " + System.getProperty("os.name"));
		}
		return Optional.empty();
	}

	@Override
	public MailslotTransport transport() {
		return Holder.INSTANCE;
	}

	private static final class Holder {

		static final UnixMailslotTransport INSTANCE = UnixMailslotTransport.configured();

	}

}
