package dev.mailslot.transport.posix;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

/**
 * A second JVM that owns a posix mailslot with the default options (the maximum message
 * size aside) and reads only when told, started by {@link PosixHeldMessagesFaultTests}. A
 * shutdown hook closes the server, as an application's would. Arguments: the mailslot's
 * name and its maximum message size. It prints {@code ready}, then answers each line of
 * standard input: {@code read} reads until the mailslot is empty and prints
 * {@code read N} (or where the order broke), each message starting with its number from
 * 0; {@code info} prints {@code info N}, the message count.
 */
public final class HoldingServerProcess {

	private HoldingServerProcess() {
	}

	public static void main(String[] args) throws Exception {
		MailslotServer server = MailslotTransports.get("posix")
			.createServer(MailslotServerOptions.builder(MailslotName.parse(args[0]))
				.maxMessageSize(Integer.parseInt(args[1]))
				.readTimeout(ReadTimeout.ZERO)
				.build());
		Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		System.out.println("ready");
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		int next = 0;
		for (String command = commands.readLine(); command != null; command = commands.readLine()) {
			if (command.equals("read")) {
				next = readUntilEmpty(server, next);
				System.out.println("read " + next);
			}
			else if (command.equals("info")) {
				System.out.println("info " + server.info().messageCount());
			}
		}
	}

	private static int readUntilEmpty(MailslotServer server, int next) {
		while (true) {
			try {
				int number = ByteBuffer.wrap(server.read()).getInt();
				if (number != next) {
					System.out.println("out of order: " + number + " where " + next + " was due");
				}
				next++;
			}
			catch (MailslotTimeoutException ex) {
				return next;
			}
		}
	}

}
