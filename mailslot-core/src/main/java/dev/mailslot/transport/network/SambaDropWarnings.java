package dev.mailslot.transport.network;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotName;

/**
 * Warns, once per mailslot name, of a sent write that [MS-MAIL] and Windows accept but
 * Samba's nmbd drops: a datagram over the {@value #SAMBA_MAX_DATAGRAM} bytes nmbd reads,
 * or no data at all. Such a write is sent all the same. Logs under the transport's name.
 */
final class SambaDropWarnings {

	/**
	 * The most of a datagram Samba's nmbd reads (its MAX_DGRAM_SIZE); it drops longer
	 * ones.
	 */
	static final int SAMBA_MAX_DATAGRAM = 576;

	private static final System.Logger logger = System.getLogger(NetworkMailslotTransport.class.getName());

	/** Mailslot names already warned of as Samba would drop their writes. */
	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Warn of a write if Samba drops it and its mailslot has not been warned of.
	 * @param target the mailslot written to
	 * @param dataLength the bytes of the message
	 * @param datagramLength the bytes of the datagram that carries it
	 */
	void warnIfSambaDrops(MailslotName target, int dataLength, int datagramLength) {
		String reason = reason(dataLength, datagramLength);
		if (reason != null && this.warned.add(target.toString().toUpperCase(Locale.ROOT))) {
			logger.log(Level.WARNING, "Sent a write to {0} that Windows accepts but Samba''s nmbd drops: {1}. "
					+ "This is said once per mailslot", target, reason);
		}
	}

	private static @Nullable String reason(int dataLength, int datagramLength) {
		if (datagramLength > SAMBA_MAX_DATAGRAM) {
			int maxData = SAMBA_MAX_DATAGRAM - (datagramLength - dataLength);
			return "its datagram has " + datagramLength + " bytes and nmbd reads at most " + SAMBA_MAX_DATAGRAM
					+ "; to this name, at most " + maxData + " bytes of data reach Samba";
		}
		return (dataLength == 0) ? "it is empty, and nmbd drops empty mailslot writes" : null;
	}

}
