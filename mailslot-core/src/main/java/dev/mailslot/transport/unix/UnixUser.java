package dev.mailslot.transport.unix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The uid this process runs as, read from a file it creates, since the JDK has no call
 * for it.
 */
final class UnixUser {

	private static volatile int uid = -1;

	private UnixUser() {
	}

	static int uid() {
		int known = uid;
		if (known < 0) {
			try {
				Path probe = Files.createTempFile("mailslot-uid", null);
				try {
					known = (int) Files.getAttribute(probe, "unix:uid");
				}
				finally {
					Files.deleteIfExists(probe);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot learn this process's uid from a temporary file", ex);
			}
			uid = known;
		}
		return known;
	}

}
