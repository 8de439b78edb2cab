package dev.mailslot.spi;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.mailslot.MailslotTransport;
import dev.mailslot.PlatformOption;

/**
 * Makes a {@link MailslotTransport} known to {@link dev.mailslot.MailslotTransports}.
 * Providers are found with {@link java.util.ServiceLoader}; list an implementation in
 * {@code META-INF/services/dev.mailslot.spi.MailslotTransportProvider}. A provider says
 * everything the rest of the library needs to know of its transport: its id, the systems
 * it serves, whether and how strongly it is their default, and which
 * {@link PlatformOption platform options} it reads.
 * <p>
 * A provider must be cheap to create and must not load native code until
 * {@link #transport()} is called.
 */
public interface MailslotTransportProvider {

	/**
	 * Return the id of the transport, as configured by users.
	 * @return the id, for example {@code posix}
	 */
	String id();

	/**
	 * Return the operating systems the transport is made for. {@code auto} chooses among
	 * the transports that serve the system it runs on; {@link #unavailableReason()} still
	 * decides whether the transport can run on a given machine.
	 * @return the systems, not empty; by default every system
	 */
	default Set<OperatingSystem> platforms() {
		return EnumSet.allOf(OperatingSystem.class);
	}

	/**
	 * Return how strongly the transport asks to be the default ({@code auto}) of the
	 * systems it serves: of the transports that serve a system, the one of the highest
	 * priority is its default. The built-in transports use 100 for the native mailslot of
	 * a system (win32, posix) and 50 for a portable one (unix).
	 * @return the priority, or empty if the transport is never chosen unless named (the
	 * default)
	 */
	default OptionalInt defaultPriority() {
		return OptionalInt.empty();
	}

	/**
	 * Return the options of {@link dev.mailslot.MailslotServerOptions} that only some
	 * transports read and this one does; the others it ignores.
	 * @return the options read; by default none
	 */
	default Set<PlatformOption> platformOptions() {
		return Set.of();
	}

	/**
	 * Return why the transport cannot run on this platform, if it cannot.
	 * @return the reason, or empty if the transport can run here
	 */
	Optional<String> unavailableReason();

	/**
	 * Return the transport. Only called when {@link #unavailableReason()} is empty.
	 * @return the transport
	 */
	MailslotTransport transport();

}
