package dev.mailslot.transport.posix;

import java.nio.charset.StandardCharsets;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;

/**
 * A second JVM that owns a posix mailslot, started by the posix tests. Arguments:
 * mailslot name, then {@code hold} (create, leave one unread message, print
 * {@code ready}, wait until killed or stdin closes), {@code hold-in-queue} (the same with
 * a hold capacity of 0, so that what is written stays in the queue) or {@code try}
 * (create, print {@code created} or the exception, exit).
 */
public final class ServerProcess {

	private ServerProcess() {
	}

	public static void main(String[] args) throws Exception {
		MailslotName name = MailslotName.parse(args[0]);
		try {
			MailslotServer server = MailslotTransports.get("posix")
				.createServer(MailslotServerOptions.builder(name)
					.maxMessageSize(256)
					.holdCapacity(args[1].equals("hold-in-queue") ? 0 : MailslotServerOptions.DEFAULT_HOLD_CAPACITY)
					.build());
			if (args[1].startsWith("hold")) {
				try (MailslotClient client = MailslotTransports.get("posix").openClient(name)) {
					client.write("left unread".getBytes(StandardCharsets.UTF_8));
				}
				System.out.println("ready");
				System.out.flush();
				System.in.read();
			}
			else {
				System.out.println("created");
			}
			server.close();
		}
		catch (RuntimeException ex) {
			System.out.println(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

}
