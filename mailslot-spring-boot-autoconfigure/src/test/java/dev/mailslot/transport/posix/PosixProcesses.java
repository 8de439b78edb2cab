package dev.mailslot.transport.posix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link ServerProcess} in a second JVM.
 */
final class PosixProcesses {

	private PosixProcesses() {
	}

	static Process startServer(String name, String mode, String... prefix) throws IOException {
		List<String> command = new ArrayList<>(List.of(prefix));
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ServerProcess.class.getName(), name, mode));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	/**
	 * Let a holding server close its mailslot and exit (it waits on stdin), or kill it after 30 s.
	 */
	static void stop(Process process) throws IOException, InterruptedException {
		process.getOutputStream().close();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	static String firstLine(Process process) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = reader.readLine();
		return (line != null) ? line : "";
	}

}
