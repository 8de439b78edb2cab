package dev.mailslot.transport.memory;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.RecordedLogs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a memory server does beyond the contract: it counts what its close deletes.
 */
class MemoryMailslotServerTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	@Test
	void closingWarnsOfTheMessagesItDeletes() {
		MailslotName name = MailslotName.local("memory-close-" + System.nanoTime());
		MailslotServer server = this.transport.createServer(MailslotServerOptions.builder(name).build());
		try (MailslotClient client = this.transport.openClient(name)) {
			for (int i = 0; i < 7; i++) {
				client.write(("message " + i).getBytes(StandardCharsets.UTF_8));
			}
		}
		server.read();
		RecordedLogs logs = RecordedLogs.of(MemoryMailslotServer.class);
		try (logs) {
			server.close();
		}
		assertThat(logs.messages())
			.containsExactly("Closing mailslot " + name + " deletes the 6 message(s) nobody read from it");
	}

}
