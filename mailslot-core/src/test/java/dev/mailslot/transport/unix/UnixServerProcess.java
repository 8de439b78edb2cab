package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;

/**
 * A second JVM that owns a unix mailslot, started by the unix tests. Arguments: socket
 * directory, mailslot name, then {@code hold} (create with a hold of one message, print
 * {@code ready}, read nothing, wait until killed or stdin closes), {@code hold-many} (the
 * same with a hold of 10,000) or {@code try} (create, print {@code created} or the
 * exception, exit).
 */
public final class UnixServerProcess {

	private UnixServerProcess() {
	}

	public static void main(String[] args) throws Exception {
		try {
			MailslotServer server = UnixMailslotTransport.in(Path.of(args[0]))
				.createServer(MailslotServerOptions.builder(MailslotName.parse(args[1]))
					.holdCapacity(args[2].equals("hold-many") ? 10_000 : 1)
					.build());
			if (args[2].startsWith("hold")) {
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

	static Process start(Path directory, MailslotName name, String mode) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), UnixServerProcess.class.getName(), directory.toString(),
						name.toString(), mode));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

}
