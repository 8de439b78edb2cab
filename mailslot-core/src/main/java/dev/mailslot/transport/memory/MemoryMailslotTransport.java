package dev.mailslot.transport.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.spi.DelegatingMailslotClient;

/**
 * Mailslots held in this JVM. Names are unique per JVM; a client reaches a server of this
 * transport only. Other transports keep their own in-JVM mailslots with
 * {@link #isolated(String)}.
 */
public final class MemoryMailslotTransport implements MailslotTransport {

	static final String ID = "memory";

	/** The one instance, shared by every user in the JVM so that clients find servers. */
	public static final MemoryMailslotTransport INSTANCE = new MemoryMailslotTransport(ID);

	private final String id;

	private final Map<String, MemoryMailslotServer> servers = new ConcurrentHashMap<>();

	private MemoryMailslotTransport(String id) {
		this.id = id;
	}

	/**
	 * Return a set of in-JVM mailslots of its own, whose servers report the given
	 * transport id.
	 * @param id the transport id the servers report
	 * @return a new, empty transport
	 */
	public static MemoryMailslotTransport isolated(String id) {
		return new MemoryMailslotTransport(id);
	}

	@Override
	public String id() {
		return this.id;
	}

	/**
	 * Hand a message, with its attributes, to the server of a local name, unless it
	 * already holds as many messages as the caller allows.
	 * @param name the mailslot name; only its path counts
	 * @param message the message
	 * @param maxQueued the most messages the server may hold before this one is refused
	 * @return what became of the message
	 * @throws dev.mailslot.MessageTooLargeException if the server's maximum size refuses
	 * it
	 */
	public Delivery deliver(MailslotName name, MailslotMessage message, int maxQueued) {
		MemoryMailslotServer server = this.servers.get(name.canonicalPath());
		if (server == null) {
			return Delivery.NO_SERVER;
		}
		return server.deliver(message, maxQueued) ? Delivery.DELIVERED : Delivery.FULL;
	}

	/**
	 * What became of a delivered message.
	 */
	public enum Delivery {

		/** The server holds it. */
		DELIVERED,

		/** No server has the name. */
		NO_SERVER,

		/** The server already held as many messages as allowed. */
		FULL

	}

	@Override
	public MailslotServer createServer(MailslotServerOptions options) {
		MemoryMailslotServer server = new MemoryMailslotServer(this.id, options, this::remove);
		if (this.servers.putIfAbsent(options.name().canonicalPath(), server) != null) {
			throw new MailslotNameInUseException(options.name(), "Mailslot " + options.name()
					+ " is in use: another server in this JVM owns it; close that server or choose another name");
		}
		return server;
	}

	@Override
	public MailslotClient openClient(MailslotName name) {
		if (!name.isLocal()) {
			throw new NoSuchMailslotException(name, "Mailslot " + name + " is remote; the memory transport "
					+ "carries only local names (\\\\.\\mailslot\\...)");
		}
		MemoryMailslotServer server = this.servers.get(name.canonicalPath());
		if (server == null) {
			throw new NoSuchMailslotException(name, "No mailslot " + name + " exists in this JVM on the " + this.id
					+ " transport; create its server first");
		}
		return new DelegatingMailslotClient(name, server::deliver);
	}

	private void remove(MemoryMailslotServer server) {
		this.servers.remove(server.name().canonicalPath(), server);
	}

}
