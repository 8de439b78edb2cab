package dev.mailslot.spring.boot.actuate.health;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.transport.network.NetbiosName;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.network.NetworkOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network receiver's health, on a real receiver on loopback: UP while it receives,
 * DOWN once it does not.
 */
class MailslotNetworkHealthIndicatorTests {

	@Test
	void upWhileReceivingAndDownOnceNot() throws Exception {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		NetworkMailslotTransport transport = NetworkMailslotTransport.start(NetworkOptions.builder()
			.bind(new InetSocketAddress(loopback, 0))
			.netbiosName(NetbiosName.of("JAVAHOST", 0))
			.broadcastAddress(loopback)
			.build());
		MailslotNetworkHealthIndicator indicator = new MailslotNetworkHealthIndicator(new MailslotNetwork(transport));
		try {
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("receiving", true)
				.containsEntry("received", 0L)
				.containsEntry("address", String.valueOf(transport.getLocalAddress()));
		}
		finally {
			transport.close();
		}
		Health closed = indicator.health(true);
		assertThat(closed.getStatus()).isEqualTo(Status.DOWN);
		assertThat(closed.getDetails()).containsEntry("receiving", false);
	}

}
