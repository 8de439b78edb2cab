package dev.mailslot.transport.posix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;

import org.jspecify.annotations.Nullable;

/**
 * Proves that a live process owns a mailslot: an exclusive lock on a lock file, which the kernel
 * releases when the owner dies. A queue whose lock file is not locked was left by a crash.
 * <p>
 * The owner writes its process id and a random token into the file after locking it, and reads
 * the file back by its path: if another process deleted and recreated the file in between, the
 * tokens differ and the lock is taken again. The owner deletes the file before releasing it.
 */
final class OwnerLock implements AutoCloseable {

	private static final int ATTEMPTS = 5;

	private final Path path;

	private final FileChannel channel;

	private final FileLock lock;

	private OwnerLock(Path path, FileChannel channel, FileLock lock) {
		this.path = path;
		this.channel = channel;
		this.lock = lock;
	}

	static OwnerLock acquire(Path path, MailslotName mailslot) {
		try {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				OwnerLock owner = tryAcquire(path, mailslot);
				if (owner != null) {
					return owner;
				}
			}
		}
		catch (AccessDeniedException ex) {
			throw new MailslotNameInUseException(mailslot, "Mailslot " + mailslot + " is in use by another user: "
					+ "its lock file " + path + " cannot be opened. If no server of that name runs, delete the file");
		}
		catch (IOException ex) {
			throw new MailslotException(mailslot, "Cannot lock " + path + " to own mailslot " + mailslot + ": " + ex,
					ex);
		}
		throw new MailslotNameInUseException(mailslot, "Mailslot " + mailslot + " is being created and deleted by "
				+ "other processes at the same time; try again");
	}

	private static @Nullable OwnerLock tryAcquire(Path path, MailslotName mailslot) throws IOException {
		FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE,
				StandardOpenOption.READ, StandardOpenOption.WRITE),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
		if (lock == null) {
			channel.close();
			throw new MailslotNameInUseException(mailslot, "Mailslot " + mailslot + " is in use: " + owner(path)
					+ " owns it (lock file " + path + "). Stop that process or choose another name");
		}
		String token = "pid=" + ProcessHandle.current().pid() + "\ntoken=" + UUID.randomUUID() + "\n";
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
		if (token.equals(readQuietly(path))) {
			return new OwnerLock(path, channel, lock);
		}
		lock.release();
		channel.close();
		return null;
	}

	private static String owner(Path path) {
		String content = readQuietly(path);
		if (content != null && content.startsWith("pid=")) {
			int end = content.indexOf('\n');
			return "process " + content.substring(4, (end > 0) ? end : content.length());
		}
		return "another process";
	}

	private static @Nullable String readQuietly(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		try {
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			// The lock is released below all the same; a leftover file is reclaimed on the next create.
		}
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			// Closing the channel releases the lock even when release() failed.
		}
	}

}
