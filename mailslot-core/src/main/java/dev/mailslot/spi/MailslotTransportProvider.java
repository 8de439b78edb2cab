package dev.mailslot.spi;

import java.util.Optional;

import dev.mailslot.MailslotTransport;

/**
 * Makes a {@link MailslotTransport} known to {@link dev.mailslot.MailslotTransports}. Providers
 * are found with {@link java.util.ServiceLoader}; list an implementation in
 * {@code META-INF/services/dev.mailslot.spi.MailslotTransportProvider}.
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
