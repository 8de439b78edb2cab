package dev.mailslot.transport.network;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the mailslot writes that the same sender repeated within a window of their first
 * sighting, as Windows repeats a remote write on every transport and adapter. A write is
 * remembered by a SHA-256 digest of its decoded fields (names, mailslot and data), so
 * that each costs the same small memory whatever a datagram carries after the message; at
 * most {@value #MAX_REMEMBERED} are remembered, the oldest forgotten first.
 */
final class DuplicateDatagrams {

	/**
	 * Most datagrams remembered for duplicate suppression; the oldest are forgotten
	 * first.
	 */
	static final int MAX_REMEMBERED = 10_000;

	private final long window;

	private final Map<String, Long> recent = new LinkedHashMap<>();

	/**
	 * Create a memory of recent writes.
	 * @param window how long a repeated write is a duplicate; zero or less keeps every
	 * write
	 */
	DuplicateDatagrams(Duration window) {
		this.window = window.toNanos();
	}

	/**
	 * Return whether the same mailslot write came from the same sender within the window
	 * of its first sighting, and remember it if not.
	 * @param from the sender's address and port
	 * @param datagram the decoded write
	 * @return whether it is a duplicate
	 */
	boolean isDuplicate(InetSocketAddress from, MailslotDatagram datagram) {
		if (this.window <= 0) {
			return false;
		}
		long now = System.nanoTime();
		String key = from + "|" + HexFormat.of().formatHex(digest(datagram));
		synchronized (this.recent) {
			Iterator<Long> seen = this.recent.values().iterator();
			while (seen.hasNext()) {
				long first = seen.next();
				if (now - first <= this.window && this.recent.size() < MAX_REMEMBERED) {
					break;
				}
				seen.remove();
			}
			Long first = this.recent.putIfAbsent(key, now);
			return first != null;
		}
	}

	private static byte[] digest(MailslotDatagram datagram) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
		digest.update((datagram.type() + "|" + datagram.source() + "|" + datagram.destination() + "|"
				+ datagram.mailslot() + "|")
			.getBytes(StandardCharsets.UTF_8));
		digest.update(datagram.data());
		return digest.digest();
	}

}
