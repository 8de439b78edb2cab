package dev.mailslot.spring.boot.autoconfigure;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.mailslot.MailslotTransport;
import dev.mailslot.PlatformOption;
import dev.mailslot.spi.MailslotTransportProvider;
import dev.mailslot.spi.OperatingSystem;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

/**
 * A transport that only the tests' {@code META-INF/services} registers, mailslots in this
 * JVM that declare reading the mode and the hold capacity: what Boot makes of the options
 * a transport it does not know declares.
 */
public final class ModeReadingTransportProvider implements MailslotTransportProvider {

	static final String ID = "mode-reading";

	private static final MailslotTransport TRANSPORT = MemoryMailslotTransport.isolated(ID);

	@Override
	public String id() {
		return ID;
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
		return EnumSet.of(PlatformOption.MODE, PlatformOption.HOLD_CAPACITY);
	}

	@Override
	public Optional<String> unavailableReason() {
		return Optional.empty();
	}

	@Override
	public MailslotTransport transport() {
		return TRANSPORT;
	}

}
