package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory under {@code /tmp} that every user may search, short enough for socket
 * paths, whose {@code s} the tests give the transport as its socket directory.
 */
final class UnixTestDirectory {

	private UnixTestDirectory() {
	}

	/**
	 * Create the parent and return the socket directory in it, not yet created.
	 */
	static Path create() throws IOException {
		Path parent = Files.createTempDirectory(Path.of("/tmp"), "mslt");
		Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
		return parent.resolve("s");
	}

	/**
	 * Remove the socket directory's parent and everything in it.
	 */
	static void delete(Path socketDirectory) throws IOException {
		try (Stream<Path> paths = Files.walk(socketDirectory.getParent())) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
