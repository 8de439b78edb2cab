package dev.mailslot.spring.boot.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.listener.DeadLetterDirectoryReplayer;
import dev.mailslot.spring.listener.DeadLetterReplayResult;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MailslotListenerStatistics;
import dev.mailslot.transport.network.NetworkStatistics;

/**
 * The {@code mailslots} endpoint. Read: every server with what GetMailslotInfo reports,
 * and every listener with its state and counts. Write: {@code pause}, {@code resume},
 * {@code start} or {@code stop} a listener by id ({@code POST /actuator/mailslots/{id}}
 * with {@code {"action": "pause"}}), or {@code replay} the dead letters of its mailslot
 * from the dead-letter directory, to that mailslot or to a {@code target} the replayer
 * allows.
 */
@RegisterReflectionForBinding(DeadLetterReplayResult.class)
@Endpoint(id = "mailslots")
public class MailslotsEndpoint {

	private final MailslotServers servers;

	private final MailslotListenerEndpointRegistry registry;

	private final @Nullable MailslotNetwork network;

	private final @Nullable DeadLetterDirectoryReplayer replayer;

	public MailslotsEndpoint(MailslotServers servers, MailslotListenerEndpointRegistry registry,
			@Nullable MailslotNetwork network) {
		this(servers, registry, network, null);
	}

	public MailslotsEndpoint(MailslotServers servers, MailslotListenerEndpointRegistry registry,
			@Nullable MailslotNetwork network, @Nullable DeadLetterDirectoryReplayer replayer) {
		this.servers = servers;
		this.registry = registry;
		this.network = network;
		this.replayer = replayer;
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

	/**
	 * Pause, resume, start or stop a listener, or replay the dead letters of its
	 * mailslot.
	 * @param id the listener id
	 * @param action {@code pause}, {@code resume}, {@code start}, {@code stop} or
	 * {@code replay}
	 * @param target for {@code replay}: where to write, a server id or mailslot name;
	 * {@code null} for the listener's own mailslot
	 * @return the listener, or what the replay did
	 */
	@WriteOperation
	public Object control(@Selector String id, String action, @Nullable String target) {
		if (action.trim().equalsIgnoreCase("replay")) {
			return replay(container(id), target);
		}
		return control(id, action);
	}

	/**
	 * Pause, resume, start or stop a listener.
	 * @param id the listener id
	 * @param action {@code pause}, {@code resume}, {@code start} or {@code stop}
	 * @return the listener
	 */
	public ListenerDescriptor control(String id, String action) {
		MailslotListenerContainer container = container(id);
		switch (action.trim().toLowerCase(Locale.ROOT)) {
			case "pause" -> container.pause();
			case "resume" -> container.resume();
			case "start" -> container.start();
			case "stop" -> container.stop();
			case "replay" -> {
				String message = "A replay answers what it did, not the listener: call control(id, \"replay\", target)";
				throw new InvalidEndpointRequestException(message, message);
			}
			default -> {
				String message = "Unknown action '" + action + "' for listener '" + id
						+ "'; use pause, resume, start, stop or replay";
				throw new InvalidEndpointRequestException(message, message);
			}
		}
		return describe(container);
	}

	/**
	 * Write the dead letters of a listener's mailslot back to it, or to a target the
	 * replayer allows, and remove those written.
	 */
	private DeadLetterReplayResult replay(MailslotListenerContainer container, @Nullable String target) {
		DeadLetterDirectoryReplayer replayer = this.replayer;
		if (replayer == null) {
			String message = "No dead-letter directory to replay: the application has no DeadLetterDirectoryReplayer";
			throw new InvalidEndpointRequestException(message, message);
		}
		MailslotName original = container.getServer().name();
		MailslotName destination = (target != null) ? target(target) : original;
		if (!replayer.isAllowed(destination)) {
			String message = "A replay may not write to '" + target + "' (" + destination
					+ "): give the id or name of one of the application's mailslots "
					+ this.servers.getServers().keySet()
					+ ", or add it to mailslot.listener.dead-letter.replay-targets";
			throw new InvalidEndpointRequestException(message, message);
		}
		return replayer.replay(original, destination);
	}

	private MailslotName target(String target) {
		MailslotServer server = this.servers.get(target);
		if (server != null) {
			return server.name();
		}
		try {
			return MailslotName.parse(target);
		}
		catch (InvalidMailslotNameException ex) {
			String message = "The replay target '" + target + "' is neither a server id nor a mailslot name: "
					+ ex.getMessage();
			throw new InvalidEndpointRequestException(message, message);
		}
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
				container.getConcurrency(), (failure != null) ? failure.toString() : null, container.getStatistics());
	}

	/**
	 * Every server and listener, and what the network transport received and dropped, by
	 * reason, where it is on.
	 *
	 * @param servers the servers, by id
	 * @param listeners the listener containers, by id
	 * @param network what the network transport received and dropped, or {@code null}
	 * when it is off
	 */
	public record MailslotsDescriptor(Map<String, ServerDescriptor> servers, Map<String, ListenerDescriptor> listeners,
			@Nullable NetworkStatistics network) {

	}

	/**
	 * A server, with what GetMailslotInfo reports while it is open.
	 *
	 * @param name the mailslot's name
	 * @param transport the id of the transport that serves it
	 * @param open whether the server is open
	 * @param maxMessageSize the largest message it takes, while open
	 * @param nextMessageSize the size of the next message, while open and one waits
	 * @param messageCount how many messages wait, while open
	 * @param readTimeout its read timeout, while open
	 * @param listener the id of the listener that reads it, if any
	 */
	public record ServerDescriptor(String name, String transport, boolean open, @Nullable Integer maxMessageSize,
			@Nullable Integer nextMessageSize, @Nullable Integer messageCount, @Nullable String readTimeout,
			@Nullable String listener) {

	}

	/**
	 * A listener container.
	 *
	 * @param id the listener's id
	 * @param mailslot the mailslot it reads
	 * @param serverId the id of its server, when it reads a configured server
	 * @param state its state
	 * @param pauseRequested whether a pause was asked for
	 * @param concurrency how many threads call the listener
	 * @param failure what stopped its reader, if anything did
	 * @param statistics what it received, processed and handed to the error handler
	 */
	public record ListenerDescriptor(String id, String mailslot, @Nullable String serverId, String state,
			boolean pauseRequested, int concurrency, @Nullable String failure, MailslotListenerStatistics statistics) {

	}

}
