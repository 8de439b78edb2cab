package dev.mailslot.spring.listener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Tells whether a file belongs to this process by uid, as the kernel tells: a user name
 * says nothing for a uid without a passwd entry (containers run with arbitrary uids, and
 * {@code user.name} is then {@code "?"}). The process's uid is its file-system uid from
 * {@code /proc/self/status} on Linux, else the owner of a file it creates; where neither
 * can be had, or the file system has no {@code unix} attributes, names are compared.
 */
final class FileOwnership {

	private static final String UNIX_UID = "unix:uid";

	private FileOwnership() {
	}

	/**
	 * Return why a file does not belong to this process, or {@code null} if it does.
	 * @param path the file
	 * @param attributes its attributes, read without following links
	 * @return the reason, such as
	 * {@code it belongs to nobody (uid 65534), not to this process's uid 0}
	 */
	static @Nullable String foreignOwner(Path path, PosixFileAttributes attributes) throws IOException {
		String owner = attributes.owner().getName();
		OptionalInt processUid = ProcessUid.VALUE;
		if (processUid.isPresent() && path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
			int ownerUid = (Integer) Files.getAttribute(path, UNIX_UID, LinkOption.NOFOLLOW_LINKS);
			if (ownerUid == processUid.getAsInt()) {
				return null;
			}
			String named = owner.equals(Integer.toString(ownerUid)) ? "uid " + ownerUid
					: owner + " (uid " + ownerUid + ")";
			return "it belongs to " + named + ", not to this process's uid " + processUid.getAsInt();
		}
		String user = System.getProperty("user.name");
		return owner.equals(user) ? null : "it belongs to " + owner + ", not to " + user;
	}

	/**
	 * The uid this process creates files as, found once.
	 */
	private static final class ProcessUid {

		static final OptionalInt VALUE = find();

		private static OptionalInt find() {
			OptionalInt fromProc = fromProcStatus();
			return fromProc.isPresent() ? fromProc : fromCreatedFile();
		}

		/**
		 * Read the file-system uid, the fourth of the {@code Uid:} line of
		 * {@code /proc/self/status}.
		 */
		private static OptionalInt fromProcStatus() {
			try {
				List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
				for (String line : lines) {
					if (line.startsWith("Uid:")) {
						String[] uids = line.substring(4).trim().split("\\s+");
						return OptionalInt.of(Integer.parseInt(uids[uids.length - 1]));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// Not Linux, or no /proc: ask the file system instead.
			}
			return OptionalInt.empty();
		}

		private static OptionalInt fromCreatedFile() {
			try {
				Path probe = Files.createTempFile("mailslot-uid", ".probe");
				try {
					return OptionalInt.of((Integer) Files.getAttribute(probe, UNIX_UID, LinkOption.NOFOLLOW_LINKS));
				}
				finally {
					Files.deleteIfExists(probe);
				}
			}
			catch (IOException | RuntimeException ex) {
				// No unix attributes (Windows), or no temporary directory: names are
				// compared.
				return OptionalInt.empty();
			}
		}

	}

}
