package dev.mailslot.transport.posix;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
	 * Copy what {@link ServerProcess} needs of this JVM's class path (this module's
	 * classes, JNA and JSpecify) to a directory every user may read, for a server run as
	 * another user, who cannot read the build's local repository.
	 * @return the class path of the copy
	 */
	static String readableClassPath(Path directory) throws IOException {
		List<String> entries = new ArrayList<>();
		int index = 0;
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path source = Path.of(entry);
			String file = source.getFileName().toString();
			if (!file.endsWith("classes") && !file.startsWith("jna") && !file.startsWith("jspecify")) {
				continue;
			}
			Path target = directory.resolve((index++) + "-" + file);
			try (Stream<Path> paths = Files.walk(source)) {
				for (Path path : (Iterable<Path>) paths::iterator) {
					Path copy = target.resolve(source.relativize(path).toString());
					Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(copy,
							PosixFilePermissions.fromString(Files.isDirectory(copy) ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
			entries.add(target.toString());
		}
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		return String.join(File.pathSeparator, entries);
	}

	/**
	 * Let a holding server close its mailslot and exit (it waits on stdin), or kill it
	 * after 30 s.
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
