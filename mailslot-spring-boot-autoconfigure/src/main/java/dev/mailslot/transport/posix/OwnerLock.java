package dev.mailslot.transport.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.Memory;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;

import org.jspecify.annotations.Nullable;

/**
 * Proves that a live process owns a mailslot: an exclusive {@code flock} on a lock file, which
 * the kernel releases when the owner dies. A queue whose lock file is not locked was left by a
 * crash. {@code flock} belongs to one open file, so two servers in one process exclude each other
 * too, and closing another descriptor of the file never drops the lock.
 * <p>
 * After locking, the owner checks that the path still names the file it locked (another owner may
 * have deleted it on close in between) and writes its process id into it. The owner deletes the
 * file before releasing the lock.
 */
final class OwnerLock implements AutoCloseable {

	private static final int ATTEMPTS = 5;

	private final Path path;

	private final int fd;

	private OwnerLock(Path path, int fd) {
		this.path = path;
		this.fd = fd;
	}

	static OwnerLock acquire(Path path, MailslotName mailslot) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			OwnerLock owner = tryAcquire(path, mailslot);
			if (owner != null) {
				return owner;
			}
		}
		throw new MailslotNameInUseException(mailslot, "Mailslot " + mailslot + " is being created and deleted by "
				+ "other processes at the same time; try again");
	}

	private static @Nullable OwnerLock tryAcquire(Path path, MailslotName mailslot) {
		int fd = LibC.open(path.toString(), LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC, 0644);
		if (fd < 0) {
			int errno = LibC.errno();
			if (errno == LibC.EACCES) {
				throw new MailslotNameInUseException(mailslot, "Mailslot " + mailslot + " is in use by another "
						+ "user: its lock file " + path + " cannot be opened. If no server of that name runs, delete "
						+ "the file");
			}
			throw new MailslotException(mailslot, "Cannot open lock file " + path + " of mailslot " + mailslot + ": "
					+ LibC.describe(errno));
		}
		if (LibC.flock(fd, LibC.LOCK_EX | LibC.LOCK_NB) != 0) {
			int errno = LibC.errno();
			LibC.close(fd);
			if (errno == LibC.EAGAIN) {
				throw new MailslotNameInUseException(mailslot, "Mailslot " + mailslot + " is in use: " + owner(path)
						+ " owns it (lock file " + path + "). Stop that process or choose another name");
			}
			throw new MailslotException(mailslot, "Cannot lock " + path + " of mailslot " + mailslot + ": "
					+ LibC.describe(errno));
		}
		if (!sameFile(fd, path)) {
			LibC.close(fd);
			return null;
		}
		byte[] pid = ("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
		try (Memory content = new Memory(pid.length)) {
			content.write(0, pid, 0, pid.length);
			LibC.ftruncate(fd, 0);
			LibC.pwrite(fd, content, pid.length, 0);
		}
		return new OwnerLock(path, fd);
	}

	/**
	 * Return whether the path still names the open file.
	 */
	private static boolean sameFile(int fd, Path path) {
		try (Memory open = new Memory(LibC.STATX_SIZE); Memory named = new Memory(LibC.STATX_SIZE)) {
			if (LibC.statx(fd, "", LibC.AT_EMPTY_PATH, LibC.STATX_INO, open) != 0
					|| LibC.statx(LibC.AT_FDCWD, path.toString(), 0, LibC.STATX_INO, named) != 0) {
				return false;
			}
			return open.getLong(LibC.STATX_INO_OFFSET) == named.getLong(LibC.STATX_INO_OFFSET)
					&& open.getInt(LibC.STATX_DEV_MAJOR_OFFSET) == named.getInt(LibC.STATX_DEV_MAJOR_OFFSET)
					&& open.getInt(LibC.STATX_DEV_MINOR_OFFSET) == named.getInt(LibC.STATX_DEV_MINOR_OFFSET);
		}
	}

	private static String owner(Path path) {
		try {
			String content = Files.readString(path, StandardCharsets.US_ASCII);
			if (content.startsWith("pid=")) {
				return "process " + content.substring(4).trim();
			}
		}
		catch (IOException ex) {
			// Fall through: the owner is alive, only its id is unknown.
		}
		return "another process";
	}

	@Override
	public void close() {
		LibC.unlink(this.path.toString());
		LibC.close(this.fd);
	}

}
