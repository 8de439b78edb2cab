package dev.mailslot.transport.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.NoSuchMailslotException;

/**
 * Mailslots held in this JVM. Names are unique per JVM; a client reaches a server of this
 * transport only.
 */
public final class MemoryMailslotTransport implements MailslotTransport {

	static final String ID = "memory";

	/** The one instance, shared by every user in the JVM so that clients find servers. */
	public static final MemoryMailslotTransport INSTANCE = new MemoryMailslotTransport();

	private final Map<String, MemoryMailslotServer> servers = new ConcurrentHashMap<>();

	private MemoryMailslotTransport() {
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public MailslotServer createServer(MailslotServerOptions options) {
		MemoryMailslotServer server = new MemoryMailslotServer(options, this::remove);
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
			throw new NoSuchMailslotException(name,
					"No mailslot " + name + " exists in this JVM; create its server first");
		}
		return new MemoryMailslotClient(name, server);
	}

	private void remove(MemoryMailslotServer server) {
		this.servers.remove(server.name().canonicalPath(), server);
	}

}
