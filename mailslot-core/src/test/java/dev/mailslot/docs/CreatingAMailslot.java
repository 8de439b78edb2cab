package dev.mailslot.docs;

import java.util.function.Consumer;

// tag::api[]
import java.nio.charset.StandardCharsets;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;
// end::api[]

/**
 * The example of {@code docs/api.md}: Microsoft's "Creating a Mailslot" and "Writing to a
 * Mailslot" in Java.
 */
final class CreatingAMailslot {

	private CreatingAMailslot() {
	}

	static void run(Consumer<Object> seen) {
		// tag::api[]
		MailslotTransport transport = MailslotTransports.get("auto"); // win32 on Windows, posix on Linux

		try (MailslotServer server = transport.createServer(MailslotServerOptions.builder("\\\\.\\mailslot\\sample_mailslot")
				.maxMessageSize(0)                      // any size
				.readTimeout(ReadTimeout.FOREVER)       // MAILSLOT_WAIT_FOREVER
				.build())) {

			try (MailslotClient client = transport.openClient(MailslotName.parse("\\\\.\\mailslot\\sample_mailslot"))) {
				client.write("Message one for mailslot.".getBytes(StandardCharsets.UTF_8));
			}

			MailslotInfo info = server.info();          // GetMailslotInfo: max size, next size, count, timeout
			byte[] message = server.read();             // one whole message
			server.setReadTimeout(ReadTimeout.ZERO);    // SetMailslotInfo
			// end::api[]
			seen.accept(info);
			seen.accept(message);
			seen.accept(server.info());
			// tag::api[]
		}                                               // close() deletes the mailslot and what is left in it
		// end::api[]
	}

}
