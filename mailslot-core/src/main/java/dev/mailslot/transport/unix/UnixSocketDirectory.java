package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;

/**
 * The directory that holds the transport's sockets and lock files: the system property
 * {@value #PROPERTY}, or else the environment variable {@value #VARIABLE} (which programs
 * in other languages read too), or else {@code /tmp/mailslot-<uid>}, private to the user
 * who runs the server. A server creates it with mode {@code 0700} and refuses one that
 * another user owns, that others may write to, or that is a symbolic link. Its path may
 * have at most {@value #MAX_LENGTH} bytes, so that every socket path fits the 104 bytes
 * of macOS' {@code sun_path}.
 */
final class UnixSocketDirectory {

	/** The system property that sets the directory. */
	static final String PROPERTY = "dev.mailslot.unix.directory";

	/**
	 * The environment variable that sets the directory unless the system property does.
	 */
	static final String VARIABLE = "MAILSLOT_UNIX_DIRECTORY";

	/**
	 * Longest directory path: 103 bytes of {@code sun_path} less a separator and a file
	 * name.
	 */
	static final int MAX_LENGTH = 103 - 1 - UnixSocketNames.MAX_PLAIN_LENGTH;

	private static final LinkOption[] NO_FOLLOW = { LinkOption.NOFOLLOW_LINKS };

	private final Path path;

	private final String setting;

	UnixSocketDirectory(Path path) {
		this(path, "the system property " + PROPERTY);
	}

	/**
	 * Create the directory of a path.
	 * @param path the path
	 * @param setting what set it, named in errors as what to change
	 */
	UnixSocketDirectory(Path path, String setting) {
		this.setting = setting;
		int length = path.toString().getBytes(StandardCharsets.UTF_8).length;
		if (!path.isAbsolute() || length > MAX_LENGTH) {
			throw new MailslotException(null,
					"The unix transport's socket directory " + path + " must be an absolute " + "path of at most "
							+ MAX_LENGTH + " bytes (it has " + length + "), so that every socket path "
							+ "fits the 104 bytes of macOS' sun_path; set " + setting + " to a shorter one");
		}
		this.path = path;
	}

	/**
	 * Return the directory the system property or else the environment variable names, or
	 * else the default of the user.
	 */
	static UnixSocketDirectory configured() {
		String configured = System.getProperty(PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv(VARIABLE);
		}
		if (configured != null && !configured.isBlank()) {
			return new UnixSocketDirectory(Path.of(configured.trim()));
		}
		return new UnixSocketDirectory(Path.of("/tmp", "mailslot-" + UnixUser.uid()));
	}

	Path path() {
		return this.path;
	}

	Path socket(MailslotName name) {
		return this.path.resolve(UnixSocketNames.fileName(name));
	}

	Path lock(MailslotName name) {
		return this.path.resolve(UnixSocketNames.fileName(name) + UnixSocketNames.LOCK_SUFFIX);
	}

	/**
	 * Make sure the directory exists, is the user's own and is private, then let the
	 * users that a server's mode lets write search it.
	 * @param name the mailslot, for errors
	 * @param mode the mode of the server's socket
	 */
	void prepare(MailslotName name, int mode) {
		try {
			try {
				Files.createDirectories(this.path.getParent());
				Files.createDirectory(this.path,
						PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
								PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
			}
			catch (FileAlreadyExistsException ex) {
				// Checked below.
			}
			if (!Files.isDirectory(this.path, NO_FOLLOW)) {
				throw refused(name, "is not a directory (or is a symbolic link)",
						"remove it, or set " + this.setting + " to a directory of your own");
			}
			int owner = (int) Files.getAttribute(this.path, "unix:uid", NO_FOLLOW);
			if (owner != UnixUser.uid()) {
				throw refused(name,
						"belongs to uid " + owner + ", not to uid " + UnixUser.uid() + " who runs the server",
						"remove it, or set " + this.setting + " to a directory of your own");
			}
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(this.path, NO_FOLLOW);
			if (permissions.contains(PosixFilePermission.GROUP_WRITE)
					|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
				throw refused(name,
						"may be written by other users (mode " + PosixFilePermissions.toString(permissions) + ")",
						"chmod go-w it, or set " + this.setting + " to a directory of your own");
			}
			Set<PosixFilePermission> wanted = EnumSet.copyOf(permissions);
			if ((mode & 070) != 0) {
				wanted.add(PosixFilePermission.GROUP_EXECUTE);
			}
			if ((mode & 07) != 0) {
				wanted.add(PosixFilePermission.OTHERS_EXECUTE);
			}
			if (!wanted.equals(permissions)) {
				Files.setPosixFilePermissions(this.path, wanted);
			}
		}
		catch (IOException ex) {
			throw new MailslotException(name, "Cannot prepare the unix transport's socket directory " + this.path
					+ " for mailslot " + name + ": " + ex + "; set " + this.setting + " to a directory you may create",
					ex);
		}
	}

	private MailslotException refused(MailslotName name, String problem, String fix) {
		return new MailslotException(name, "Cannot create mailslot " + name + ": the unix transport's socket directory "
				+ this.path + " " + problem + "; " + fix);
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

}
