package dev.mailslot.spring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;

/**
 * The application's mailslot servers: those configured by id, created at once, and those
 * a listener names without a configuration, created with defaults when asked for. Closes
 * them all when the application stops.
 */
public class MailslotServers implements DisposableBean {

	private static final Log logger = LogFactory.getLog(MailslotServers.class);

	private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

	private final MailslotTransport transport;

	private final Function<MailslotName, MailslotServerOptions> defaults;

	private final Duration nameInUseWait;

	private final Map<String, MailslotServer> configured = new LinkedHashMap<>();

	private final Map<MailslotName, MailslotServer> byName = new LinkedHashMap<>();

	/**
	 * Create the configured servers.
	 * @param transport the transport that holds them
	 * @param configured options by server id
	 * @param defaults options for a mailslot a listener names without a configuration
	 * @param nameInUseWait how long to wait for a name in use to be freed; zero fails at
	 * once
	 * @param propertyPrefix the prefix of the configured servers' properties, for failure
	 * reports
	 */
	public MailslotServers(MailslotTransport transport, Map<String, MailslotServerOptions> configured,
			Function<MailslotName, MailslotServerOptions> defaults, Duration nameInUseWait, String propertyPrefix) {
		this.transport = transport;
		this.defaults = defaults;
		this.nameInUseWait = nameInUseWait;
		try {
			configured.forEach((id, options) -> {
				MailslotServer server = create(options, propertyPrefix + "." + id);
				this.configured.put(id, server);
				this.byName.put(server.name(), server);
			});
		}
		catch (RuntimeException ex) {
			destroy();
			throw ex;
		}
	}

	/**
	 * Return the transport the servers are on.
	 * @return the transport
	 */
	public MailslotTransport getTransport() {
		return this.transport;
	}

	/**
	 * Return the configured servers by id.
	 * @return the servers
	 */
	public Map<String, MailslotServer> getConfigured() {
		return Collections.unmodifiableMap(this.configured);
	}

	/**
	 * Return every server: the configured ones by id, then those created for listeners,
	 * by the path of their name.
	 * @return the servers
	 */
	public synchronized Map<String, MailslotServer> getServers() {
		Map<String, MailslotServer> servers = new LinkedHashMap<>(this.configured);
		for (MailslotServer server : this.byName.values()) {
			if (!this.configured.containsValue(server)) {
				servers.put(server.name().canonicalPath(), server);
			}
		}
		return servers;
	}

	/**
	 * Return the configured server with the given id.
	 * @param id the id
	 * @return the server, or {@code null}
	 */
	public @Nullable MailslotServer get(String id) {
		return this.configured.get(id);
	}

	/**
	 * Return the id of a configured server.
	 * @param server the server
	 * @return its id, or {@code null} if it was not configured
	 */
	public @Nullable String idOf(MailslotServer server) {
		return this.configured.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == server)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Return the server for a configured id or a mailslot name, creating one with the
	 * defaults for a name nothing configured.
	 * @param idOrName a server id, or a mailslot name
	 * @param source who asks, for failure reports
	 * @return the server
	 */
	public synchronized MailslotServer resolve(String idOrName, String source) {
		MailslotServer server = this.configured.get(idOrName);
		if (server != null) {
			return server;
		}
		MailslotName name;
		try {
			name = MailslotName.parse(idOrName);
		}
		catch (InvalidMailslotNameException ex) {
			throw new MailslotServerStartupException(source, idOrName,
					new InvalidMailslotNameException(idOrName,
							"'" + idOrName + "' is neither a configured server id ("
									+ String.join(", ", this.configured.keySet()) + ") nor a valid mailslot name: "
									+ ex.getMessage()));
		}
		server = this.byName.get(name);
		if (server == null) {
			server = create(this.defaults.apply(name), source);
			this.byName.put(name, server);
		}
		return server;
	}

	private MailslotServer create(MailslotServerOptions options, String source) {
		long deadline = System.nanoTime() + this.nameInUseWait.toNanos();
		while (true) {
			try {
				return this.transport.createServer(options);
			}
			catch (MailslotNameInUseException ex) {
				if (deadline - System.nanoTime() <= 0) {
					throw new MailslotServerStartupException(source, options.name().toString(), ex);
				}
				logger
					.info("Mailslot " + options.name() + " is in use; waiting for it to be freed: " + ex.getMessage());
				sleep();
			}
			catch (MailslotException ex) {
				throw new MailslotServerStartupException(source, options.name().toString(), ex);
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(RETRY_INTERVAL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a mailslot name to be freed", ex);
		}
	}

	/**
	 * Close every server: the mailslots and the messages left in them are deleted.
	 */
	@Override
	public synchronized void destroy() {
		List<MailslotServer> servers = new ArrayList<>(this.byName.values());
		this.byName.clear();
		for (MailslotServer server : servers) {
			try {
				server.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to close mailslot " + server.name(), ex);
			}
		}
	}

	@Override
	public String toString() {
		return "MailslotServers" + Objects.toString(this.byName.keySet());
	}

}
