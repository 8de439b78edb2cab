package dev.mailslot.transport.win32;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.sun.jna.Platform;

import dev.mailslot.MailslotTransport;
import dev.mailslot.PlatformOption;
import dev.mailslot.spi.MailslotTransportProvider;
import dev.mailslot.spi.OperatingSystem;

/**
 * Provides the {@code win32} transport on Windows.
 */
public final class Win32TransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return Win32MailslotTransport.ID;
	}

	@Override
	public Set<OperatingSystem> platforms() {
		return EnumSet.of(OperatingSystem.WINDOWS);
	}

	@Override
	public OptionalInt defaultPriority() {
		return OptionalInt.of(100);
	}

	@Override
	public Set<PlatformOption> platformOptions() {
		return EnumSet.of(PlatformOption.INHERIT_HANDLE, PlatformOption.SECURITY_DESCRIPTOR);
	}

	@Override
	public Optional<String> unavailableReason() {
		if (!Platform.isWindows()) {
			return Optional.of("it needs Windows (kernel32 mailslots), and this is " + System.getProperty("os.name"));
		}
		return Optional.empty();
	}

	@Override
	public MailslotTransport transport() {
		return Win32MailslotTransport.instance();
	}

}
