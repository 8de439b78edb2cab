package dev.mailslot.spring.boot.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotServer;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MailslotListenerStatistics;
import dev.mailslot.transport.network.NetworkStatistics;

/**
 * The {@code mailslots} endpoint. Read: every server with what GetMailslotInfo reports, and every
 * listener with its state and counts. Write: {@code pause}, {@code resume}, {@code start} or
 * {@code stop} a listener by id ({@code POST /actuator/mailslots/{id}} with
 * {@code {"action": "pause"}}).
 */
@Endpoint(id = "mailslots")
public class MailslotsEndpoint {

	private final MailslotServers servers;

	private final MailslotListenerEndpointRegistry registry;

	private final @Nullable MailslotNetwork network;

	public MailslotsEndpoint(MailslotServers servers, MailslotListenerEndpointRegistry registry,
			@Nullable MailslotNetwork network) {
		this.servers = servers;
		this.registry = registry;
		this.network = network;
	}

	@ReadOperation
	public MailslotsDescriptor mailslots() {
		Map<String, ServerDescriptor> servers = new LinkedHashMap<>();
		this.servers.getServers().forEach((key, server) -> servers.put(key, describe(server)));
		Map<String, ListenerDescriptor> listeners = new LinkedHashMap<>();
		for (MailslotListenerContainer container : this.registry.getListenerContainers()) {
			listeners.put(container.getId(), describe(container));
		}
		return new MailslotsDescriptor(servers, listeners,
				(this.network != null) ? this.network.getTransport().statistics() : null);
	}

	@ReadOperation
	public ListenerDescriptor listener(@Selector String id) {
		return describe(container(id));
	}

	@WriteOperation
	public ListenerDescriptor control(@Selector String id, String action) {
		MailslotListenerContainer container = container(id);
		switch (action.trim().toLowerCase(Locale.ROOT)) {
			case "pause" -> container.pause();
			case "resume" -> container.resume();
			case "start" -> container.start();
			case "stop" -> container.stop();
			default -> {
				String message = "Unknown action '" + action + "' for listener '" + id
						+ "'; use pause, resume, start or stop";
				throw new InvalidEndpointRequestException(message, message);
			}
		}
		return describe(container);
	}

	private MailslotListenerContainer container(String id) {
		MailslotListenerContainer container = this.registry.getListenerContainer(id);
		if (container == null) {
			String message = "No mailslot listener has the id '" + id + "'; the ids are "
					+ this.registry.getListenerContainerIds();
			throw new InvalidEndpointRequestException(message, message);
		}
		return container;
	}

	private ServerDescriptor describe(MailslotServer server) {
		MailslotListenerContainer listener = this.registry.getListenerContainer(server.name());
		String listenerId = (listener != null) ? listener.getId() : null;
		if (!server.isOpen()) {
			return new ServerDescriptor(server.name().toString(), server.transport(), false, null, null, null, null,
					listenerId);
		}
		MailslotInfo info = server.info();
		return new ServerDescriptor(server.name().toString(), server.transport(), true, info.maxMessageSize(),
				info.nextMessageSize().isPresent() ? info.nextMessageSize().getAsInt() : null, info.messageCount(),
				info.readTimeout().toString(), listenerId);
	}

	private static ListenerDescriptor describe(MailslotListenerContainer container) {
		Throwable failure = container.getFailure();
		return new ListenerDescriptor(container.getId(), container.getServer().name().toString(),
				container.getServerId(), container.getState().name(), container.isPauseRequested(),
				container.getConcurrency(),
				(failure != null) ? failure.toString() : null, container.getStatistics());
	}

	/**
	 * Every server and listener, and what the network transport received and dropped, by reason,
	 * where it is on.
	 */
	public record MailslotsDescriptor(Map<String, ServerDescriptor> servers, Map<String, ListenerDescriptor> listeners,
			@Nullable NetworkStatistics network) {

	}

	/**
	 * A server, with what GetMailslotInfo reports while it is open.
	 */
	public record ServerDescriptor(String name, String transport, boolean open, @Nullable Integer maxMessageSize,
			@Nullable Integer nextMessageSize, @Nullable Integer messageCount, @Nullable String readTimeout,
			@Nullable String listener) {

	}

	/**
	 * A listener container.
	 */
	public record ListenerDescriptor(String id, String mailslot, @Nullable String serverId, String state,
			boolean pauseRequested, int concurrency, @Nullable String failure, MailslotListenerStatistics statistics) {

	}

}
