package dev.mailslot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.mailslot.transport.posix.PosixHoldMemory;

/**
 * A second JVM that owns a mailslot with the default options (the maximum message size
 * aside) and reads only when told, started by the held-messages fault tests of posix and
 * unix. A shutdown hook closes the server, as an application's would. Arguments: the
 * transport's id, the mailslot's name and its maximum message size (the unix transport
 * takes its directory from the system property {@code dev.mailslot.unix.directory}). It
 * prints {@code ready}, then answers each line of standard input: {@code read} reads
 * until the mailslot is empty and prints {@code read N} (or where the order broke), each
 * message starting with its number from 0; {@code info} prints {@code info N}, the
 * message count; {@code memory} prints {@code memory N}, the bytes its servers may hold
 * ({@link PosixHoldMemory#limit()}).
 */
public final class HoldingServerProcess {

	private HoldingServerProcess() {
	}

	public static void main(String[] args) throws Exception {
		MailslotServer server = MailslotTransports.get(args[0])
			.createServer(MailslotServerOptions.builder(MailslotName.parse(args[1]))
				.maxMessageSize(Integer.parseInt(args[2]))
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
			else if (command.equals("memory")) {
				System.out.println("memory " + PosixHoldMemory.limit());
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

	/**
	 * Start the server in a second JVM, with its standard error in a file, and wait for
	 * it to be ready.
	 * @param jvmOptions options of the JVM, such as {@code -Xmx64m}
	 * @param transport the transport's id
	 * @param name the mailslot's name
	 * @param maxMessageSize the mailslot's maximum message size, 0 for the transport's
	 * @param stderr the file of its standard error
	 * @return the conversation with it, once it said {@code ready}
	 */
	public static Conversation start(List<String> jvmOptions, String transport, MailslotName name, int maxMessageSize,
			Path stderr) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), HoldingServerProcess.class.getName(),
				transport, name.toString(), Integer.toString(maxMessageSize)));
		Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
		Conversation conversation = new Conversation(process);
		String first = conversation.next();
		if (!first.equals("ready")) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			throw new IllegalStateException("The holding server did not start: " + first);
		}
		return conversation;
	}

	/**
	 * The lines a {@link HoldingServerProcess} answers with, each awaited for at most 60
	 * s.
	 *
	 * @param process the server's process
	 * @param output its standard output
	 * @param input its standard input
	 */
	public record Conversation(Process process, BufferedReader output, PrintWriter input) {

		Conversation(Process process) {
			this(process, new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
					new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8));
		}

		/**
		 * Send a command and return the answer.
		 * @param command the command
		 * @return its answer
		 */
		public String ask(String command) throws Exception {
			this.input.println(command);
			return next();
		}

		/**
		 * Return the next line, or what ended the output.
		 * @return the line
		 */
		public String next() throws Exception {
			return CompletableFuture.supplyAsync(() -> {
				try {
					String line = this.output.readLine();
					return (line != null) ? line : "(the server ended)";
				}
				catch (IOException ex) {
					return "(" + ex + ")";
				}
			}).get(60, TimeUnit.SECONDS);
		}

	}

}
