package dev.mailslot.transport.win32;

import java.util.Optional;

import com.sun.jna.Platform;

import dev.mailslot.MailslotTransport;
import dev.mailslot.spi.MailslotTransportProvider;

/**
 * Provides the {@code win32} transport on Windows.
 */
public final class Win32TransportProvider implements MailslotTransportProvider {

	@Override
	public String id() {
		return Win32MailslotTransport.ID;
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
