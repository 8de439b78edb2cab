package dev.mailslot.docs;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotName;
import dev.mailslot.transport.network.NetbiosName;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.network.NetworkOptions;
import dev.mailslot.transport.network.SourceNetwork;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network transport's plain-Java example of {@code docs/transports.md}: its options as the
 * page gives them, which would receive on UDP port 138 of every interface and so are only built;
 * and its server, started with options of loopback, receiving a write from a second transport.
 */
class RemoteMailslotsTests {

	@Test
	void theOptionsAreThePagesWithTheDefaultsItNames() throws Exception {
		NetworkOptions options = RemoteMailslots.options();
		assertThat(options.bind()).isEqualTo(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 138));
		assertThat(options.sendPort()).isEqualTo(138);
		assertThat(options.netbiosName()).isEqualTo(NetbiosName.of("JAVAHOST", 0));
		assertThat(options.workgroup()).isEqualTo("MSLTEST");
		assertThat(options.broadcastAddress()).isEqualTo(InetAddress.getByName("192.168.1.255"));
		assertThat(options.hosts()).containsOnlyKeys("FILESERVER");
		assertThat(options.duplicateWindow()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.allowedSources()).containsExactly(SourceNetwork.parse("192.168.1.0/24"));
	}

	@Test
	void theBrowseServerReceivesARemoteWriteWithItsSender() throws Exception {
		InetAddress receiver = InetAddress.getByName("127.0.0.2");
		int port = freePort(receiver);
		NetworkOptions loopback = NetworkOptions.builder()
			.bind(new InetSocketAddress(receiver, port))
			.netbiosName(NetbiosName.of("JAVAHOST", 0))
			.workgroup("MSLTEST")
			.broadcastAddress(receiver)
			.build();
		CompletableFuture<MailslotMessage> received = new CompletableFuture<>();
		Thread example = new Thread(() -> RemoteMailslots.receive(loopback, received::complete), "docs-network");
		example.start();
		try (NetworkMailslotTransport peer = NetworkMailslotTransport.start(NetworkOptions.builder()
			.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))
			.sendPort(port)
			.netbiosName(NetbiosName.of("PEERHOST", 0))
			.workgroup("MSLTEST")
			.hosts(Map.of("JAVAHOST", receiver))
			.build()); MailslotClient client = peer.openClient(MailslotName.parse("\\\\javahost\\mailslot\\browse"))) {
			// Writes before the example's server exists are dropped, as to any unknown mailslot.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (!received.isDone() && System.nanoTime() < deadline) {
				client.write("announcement".getBytes(StandardCharsets.US_ASCII));
				Thread.sleep(100);
			}
		}
		MailslotMessage write = received.get(10, TimeUnit.SECONDS);
		assertThat(write.payload()).asString(StandardCharsets.US_ASCII).isEqualTo("announcement");
		assertThat(write.attributes()).containsEntry(MailslotMessage.Attributes.SENDER, "PEERHOST<00>");
		example.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(example.isAlive()).isFalse();
	}

	private static int freePort(InetAddress address) throws Exception {
		try (DatagramChannel channel = DatagramChannel.open()) {
			channel.bind(new InetSocketAddress(address, 0));
			return ((InetSocketAddress) channel.getLocalAddress()).getPort();
		}
	}

}
