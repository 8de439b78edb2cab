package dev.mailslot.spring.boot.actuate.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.network.NetworkStatistics;

/**
 * Health of the {@code network} transport's receiver: UP while it receives remote
 * mailslot writes, DOWN once it does not (its socket closed or its thread ended), with
 * the address it receives on and what it received, delivered and dropped, by reason.
 */
public class MailslotNetworkHealthIndicator extends AbstractHealthIndicator {

	private final MailslotNetwork network;

	/**
	 * Create an indicator.
	 * @param network the running network transport
	 */
	public MailslotNetworkHealthIndicator(MailslotNetwork network) {
		super("Mailslot network health check failed");
		this.network = network;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		NetworkMailslotTransport transport = this.network.getTransport();
		NetworkStatistics statistics = transport.statistics();
		(statistics.receiving() ? builder.up() : builder.down()).withDetail("receiving", statistics.receiving())
			.withDetail("address", String.valueOf(transport.getLocalAddress()))
			.withDetail("received", statistics.received())
			.withDetail("delivered", statistics.delivered())
			.withDetail("dropped", statistics.dropped());
	}

}
