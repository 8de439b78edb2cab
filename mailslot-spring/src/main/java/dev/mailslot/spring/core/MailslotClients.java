package dev.mailslot.spring.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;

/**
 * The template's client handles: one per mailslot, opened at its first send and reused,
 * for up to a bound of mailslots. Past the bound a send opens a handle of its own and
 * closes it after the write, so that targets which change with every message (a
 * {@code @SendTo} expression, say) hold neither memory nor handles beyond the bound.
 * Nothing is ever evicted, so a handle is never closed under another send that uses it; a
 * handle whose write failed is dropped.
 */
final class MailslotClients {

	private final Map<MailslotName, MailslotClient> cached = new ConcurrentHashMap<>();

	private final Function<MailslotName, MailslotClient> opener;

	private final int capacity;

	private volatile boolean closed;

	MailslotClients(Function<MailslotName, MailslotClient> opener, int capacity) {
		this.opener = opener;
		this.capacity = capacity;
	}

	/**
	 * Return the cached handle of a mailslot, or open one: cached while there is room,
	 * else for this send alone. Hand it back with {@link #release}.
	 * @throws IllegalStateException if {@link #closeAll()} ran
	 */
	Lease acquire(MailslotName mailslot, String closedMessage) {
		MailslotClient client = this.cached.get(mailslot);
		if (client != null) {
			return new Lease(mailslot, client, true);
		}
		MailslotClient opened = this.opener.apply(mailslot);
		if (this.cached.size() >= this.capacity) {
			return new Lease(mailslot, opened, false);
		}
		MailslotClient existing = this.cached.putIfAbsent(mailslot, opened);
		if (existing != null) {
			opened.close();
			return new Lease(mailslot, existing, true);
		}
		if (this.closed) {
			// closeAll() may have run before this one was cached. Whoever removes a
			// handle closes
			// it, so that it is closed once: here, or by closeAll() if it took it first.
			if (this.cached.remove(mailslot, opened)) {
				opened.close();
			}
			throw new IllegalStateException(closedMessage);
		}
		return new Lease(mailslot, opened, true);
	}

	/**
	 * Hand back a handle after a send: one opened for this send alone is closed.
	 */
	void release(Lease lease) {
		if (!lease.cached()) {
			lease.client().close();
		}
	}

	/**
	 * Drop a cached handle whose write failed (its server went away, or another send
	 * closed it), so that the next send opens a fresh one.
	 */
	void discard(Lease lease) {
		if (lease.cached() && this.cached.remove(lease.mailslot(), lease.client())) {
			lease.client().close();
		}
	}

	/**
	 * Return how many handles are cached.
	 */
	int size() {
		return this.cached.size();
	}

	/**
	 * Close every cached handle; handles opened afterwards are closed at once.
	 */
	void closeAll() {
		this.closed = true;
		for (MailslotName mailslot : this.cached.keySet()) {
			MailslotClient client = this.cached.remove(mailslot);
			if (client != null) {
				client.close();
			}
		}
	}

	/**
	 * A handle lent to one send.
	 *
	 * @param mailslot the mailslot
	 * @param client the handle
	 * @param cached whether the handle is cached, or was opened for this send alone
	 */
	record Lease(MailslotName mailslot, MailslotClient client, boolean cached) {

	}

}
