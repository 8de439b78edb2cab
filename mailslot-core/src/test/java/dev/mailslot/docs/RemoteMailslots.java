package dev.mailslot.docs;

import java.net.UnknownHostException;
import java.util.function.Consumer;

// tag::network[]
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.ReadTimeout;
import dev.mailslot.transport.network.NetbiosName;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.network.NetworkOptions;
import dev.mailslot.transport.network.SourceNetwork;
// end::network[]

/**
 * The plain-Java example of the network transport in {@code docs/transports.md}: its options,
 * and a server of the browse mailslot started with them.
 */
final class RemoteMailslots {

	private RemoteMailslots() {
	}

	static NetworkOptions options() throws UnknownHostException {
		// tag::network[]
		NetworkOptions options = NetworkOptions.builder()          // receives on 0.0.0.0:138, sends to 138
			.netbiosName(NetbiosName.of("JAVAHOST", 0x00))         // the one value without a default
			.workgroup("MSLTEST")
			.broadcastAddress(InetAddress.getByName("192.168.1.255"))
			.hosts(Map.of("FILESERVER", InetAddress.getByName("192.168.1.10")))
			.duplicateWindow(Duration.ofSeconds(2))                // Windows sends a write on every transport
			.allowedSources(List.of(SourceNetwork.parse("192.168.1.0/24")))
			.build();
		// end::network[]
		return options;
	}

	static void receive(NetworkOptions options, Consumer<MailslotMessage> received) {
		// tag::network[]
		try (NetworkMailslotTransport transport = NetworkMailslotTransport.start(options);
				MailslotServer browse = transport.createServer(MailslotServerOptions.builder("BROWSE").build())) {
			MailslotMessage write = browse.readMessage(ReadTimeout.of(Duration.ofSeconds(30)));
			// write.attributes(): sender (HOST<00>), senderAddress, destination, datagramType
			// end::network[]
			received.accept(write);
			// tag::network[]
		}                                                          // close() stops receiving
		// end::network[]
	}

}
