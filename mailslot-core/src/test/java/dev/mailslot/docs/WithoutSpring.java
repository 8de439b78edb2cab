package dev.mailslot.docs;

import java.util.function.Consumer;

// tag::without-spring[]
import java.nio.charset.StandardCharsets;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
// end::without-spring[]

/**
 * The plain-Java example of {@code README.md}.
 */
final class WithoutSpring {

	private WithoutSpring() {
	}

	static void run(Consumer<byte[]> received) {
		// tag::without-spring[]
		MailslotTransport transport = MailslotTransports.get("auto");    // win32 on Windows, posix on Linux
		try (MailslotServer server = transport.createServer(MailslotServerOptions.builder("orders").build());
				MailslotClient client = transport.openClient(server.name())) {
			client.write("Message one for mailslot.".getBytes(StandardCharsets.UTF_8));
			byte[] message = server.read();                              // one whole message
			// end::without-spring[]
			received.accept(message);
			// tag::without-spring[]
		}                                                                // close() deletes the mailslot
		// end::without-spring[]
	}

}
