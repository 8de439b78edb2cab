package dev.mailslot.spring.boot.actuate.health;

import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotServers;

/**
 * The {@code mailslot} health component: one {@link MailslotHealthIndicator} per server,
 * keyed by server id (or, for a server a listener created, by the path of its name).
 * Servers created after start-up appear as they come.
 */
public class MailslotHealthContributor implements CompositeHealthContributor {

	private final MailslotServers servers;

	private final @Nullable MailslotListenerEndpointRegistry registry;

	private final MailslotBacklogCheck backlogCheck;

	/**
	 * Create the component.
	 * @param servers the servers
	 * @param registry the listener containers, or {@code null}
	 * @param backlogCheck when waiting messages change a mailslot's status
	 */
	public MailslotHealthContributor(MailslotServers servers, @Nullable MailslotListenerEndpointRegistry registry,
			MailslotBacklogCheck backlogCheck) {
		this.servers = servers;
		this.registry = registry;
		this.backlogCheck = backlogCheck;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		MailslotServer server = this.servers.getServers().get(name);
		return (server != null) ? indicator(server) : null;
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		Map<String, MailslotServer> servers = this.servers.getServers();
		return servers.entrySet()
			.stream()
			.map((entry) -> new HealthContributors.Entry(entry.getKey(), indicator(entry.getValue())));
	}

	private MailslotHealthIndicator indicator(MailslotServer server) {
		return new MailslotHealthIndicator(server,
				(this.registry != null) ? this.registry.getListenerContainer(server.name()) : null, this.backlogCheck);
	}

}
