package dev.mailslot.spring.support.metrics;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MailslotListenerStatistics;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.network.NetworkStatistics;

/**
 * A {@link MeterBinder} of the meters of mailslots and their listeners, tagged as the
 * {@code mailslot.listener} observation's timer is: {@value #NAME_TAG} (the full name),
 * {@value #SERVER_ID_TAG}, {@value #LISTENER_ID_TAG}. Per server: the gauge
 * {@code mailslot.backlog}, the message count GetMailslotInfo reports. Per listener: the
 * counters {@code mailslot.messages.received}, {@code mailslot.bytes.received},
 * {@code mailslot.messages.processed}, {@code mailslot.listener.failures} (listener calls
 * that threw, retries included) and {@code mailslot.messages.unprocessed} (messages
 * handed to the error handler, by default the dead-letter directory). With the network
 * transport on: {@code mailslot.network.datagrams.received}, {@code .delivered} and
 * {@code .dropped} (tag {@code reason}). Processing time by outcome is the
 * {@code mailslot.listener} timer of the observation.
 * <p>
 * The tags of release 0.1, {@code mailslot}, {@code server} and {@code listener}, stay on
 * the same meters beside the new ones until 0.2, so that dashboards keep working while
 * they move; {@code MeterFilter.ignoreTags(...)} drops them sooner.
 * <p>
 * Spring Boot binds it to the application's meter registry as it binds every
 * {@code MeterBinder} bean; without Boot, call {@link #bindTo(MeterRegistry)}: listeners
 * registered before and after get their meters alike. It can be bound to several
 * registries: each gets every meter.
 */
public class MailslotMetrics implements MeterBinder {

	/** The tag of the full mailslot name, as the observation's {@code mailslot.name}. */
	public static final String NAME_TAG = "mailslot.name";

	/**
	 * The tag of the server id (or the name's path, for a server created for a listener).
	 */
	public static final String SERVER_ID_TAG = "mailslot.server.id";

	/** The tag of the listener id, as the observation's {@code mailslot.listener.id}. */
	public static final String LISTENER_ID_TAG = "mailslot.listener.id";

	/** The tags of release 0.1, kept beside the new ones until 0.2, when they go. */
	public static final List<String> LEGACY_TAGS = List.of("mailslot", "server", "listener");

	private final MailslotServers servers;

	private final MailslotListenerEndpointRegistry registry;

	private final @Nullable MailslotNetwork network;

	/**
	 * What each registry has the meters of: servers, containers and the network
	 * transport.
	 */
	private final Map<MeterRegistry, Set<Object>> bound = new IdentityHashMap<>();

	private boolean listening;

	/**
	 * Create the binder of the meters of these servers and listeners.
	 * @param servers the application's servers
	 * @param registry the registry of its listener containers
	 * @param network the network transport, or {@code null} when it is off
	 */
	public MailslotMetrics(MailslotServers servers, MailslotListenerEndpointRegistry registry,
			@Nullable MailslotNetwork network) {
		this.servers = servers;
		this.registry = registry;
		this.network = network;
	}

	/**
	 * Register the meters of every server and listener with a registry, and, from then
	 * on, those that listeners registered later bring (a listener on a lazy bean, and the
	 * server created for it). Binding a registry again registers only what it lacks.
	 * @param meters the registry to register with
	 */
	@Override
	public void bindTo(MeterRegistry meters) {
		boolean first;
		synchronized (this) {
			first = !this.listening;
			this.listening = true;
			this.bound.computeIfAbsent(meters, (registry) -> Collections.newSetFromMap(new IdentityHashMap<>()));
		}
		if (first) {
			this.registry.addRegistrationListener((container) -> bindNew());
		}
		bindNew();
	}

	private synchronized void bindNew() {
		this.bound.forEach(this::bindNew);
	}

	private void bindNew(MeterRegistry meters, Set<Object> bound) {
		this.servers.getServers().forEach((key, server) -> {
			if (bound.add(server)) {
				Gauge.builder("mailslot.backlog", server, MailslotMetrics::backlog)
					.description("Messages waiting in the mailslot")
					.baseUnit("messages")
					.tags(Tags.of(NAME_TAG, server.name().toString(), SERVER_ID_TAG, key)
						.and("mailslot", server.name().toString(), "server", key))
					.register(meters);
			}
		});
		for (MailslotListenerContainer container : this.registry.getListenerContainers()) {
			if (bound.add(container)) {
				bind(meters, container);
			}
		}
		if (this.network != null && bound.add(this.network)) {
			bind(meters, this.network.getTransport());
		}
	}

	private static void bind(MeterRegistry meters, NetworkMailslotTransport network) {
		FunctionCounter.builder("mailslot.network.datagrams.received", network, (n) -> n.statistics().received())
			.description("Datagrams the network transport received")
			.register(meters);
		FunctionCounter.builder("mailslot.network.datagrams.delivered", network, (n) -> n.statistics().delivered())
			.description("Remote mailslot writes handed to a server")
			.register(meters);
		for (String reason : NetworkStatistics.REASONS) {
			FunctionCounter
				.builder("mailslot.network.datagrams.dropped", network,
						(n) -> n.statistics().dropped().getOrDefault(reason, 0L))
				.description("Datagrams the network transport dropped, by reason")
				.tags(Tags.of("reason", reason))
				.register(meters);
		}
	}

	private static void bind(MeterRegistry meters, MailslotListenerContainer container) {
		String name = container.getServer().name().toString();
		Tags tags = Tags.of(LISTENER_ID_TAG, container.getId(), NAME_TAG, name)
			.and("listener", container.getId(), "mailslot", name);
		counter(meters, "mailslot.messages.received", "Messages read from the mailslot", BaseUnits.MESSAGES, tags,
				container, MailslotListenerStatistics::received);
		counter(meters, "mailslot.bytes.received", "Bytes of the messages read from the mailslot", BaseUnits.BYTES,
				tags, container, MailslotListenerStatistics::bytesReceived);
		counter(meters, "mailslot.messages.processed", "Messages the listener processed", BaseUnits.MESSAGES, tags,
				container, MailslotListenerStatistics::processed);
		counter(meters, "mailslot.listener.failures", "Listener calls that threw, retries included", null, tags,
				container, MailslotListenerStatistics::failures);
		counter(meters, "mailslot.messages.unprocessed", "Messages handed to the error handler", BaseUnits.MESSAGES,
				tags, container, MailslotListenerStatistics::unprocessed);
	}

	private static void counter(MeterRegistry meters, String name, String description, @Nullable String unit, Tags tags,
			MailslotListenerContainer container, ToLongFunction<MailslotListenerStatistics> count) {
		FunctionCounter.builder(name, container, (c) -> count.applyAsLong(c.getStatistics()))
			.description(description)
			.baseUnit(unit)
			.tags(tags)
			.register(meters);
	}

	private static double backlog(MailslotServer server) {
		return server.isOpen() ? server.info().messageCount() : Double.NaN;
	}

}
