package dev.mailslot;

import java.nio.charset.StandardCharsets;

/**
 * A program that uses mailslots without Spring, run by {@link PlainJavaProgramTests} with
 * only this module and its three dependencies on its class path: creates a mailslot on
 * this platform's transport, writes to it, reads the message back and prints it.
 */
public final class PlainJavaProgram {

	private PlainJavaProgram() {
	}

	public static void main(String[] args) {
		MailslotTransport transport = MailslotTransports.get("auto");
		MailslotName name = MailslotName.local("plain-java-" + ProcessHandle.current().pid());
		try (MailslotServer server = transport
			.createServer(MailslotServerOptions.builder(name).readTimeout(ReadTimeout.ofMillis(10_000)).build())) {
			try (MailslotClient client = transport.openClient(name)) {
				client.write("Message one for mailslot.".getBytes(StandardCharsets.UTF_8));
			}
			System.out.println(transport.id() + " read: " + new String(server.read(), StandardCharsets.UTF_8));
		}
	}

}
