package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;

/**
 * A server's hold on its name: an exclusive lock ({@code fcntl}, through {@link FileChannel#tryLock()})
 * on the lock file beside the socket, which the kernel drops when the process dies. Of several
 * servers that start at once, the one that takes the lock owns the name; a name whose lock is free
 * was left by a server that is gone, whatever its socket file says. The lock file holds the owner's
 * pid, for the message of a server refused, and stays when the server closes: deleting it while
 * another process opens it would let two servers lock two files of one name.
 */
final class UnixSocketOwnership implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private UnixSocketOwnership(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Take the name, or fail naming the process that holds it.
	 */
	static UnixSocketOwnership acquire(MailslotName name, Path lockFile) {
		FileChannel channel;
		try {
			channel = FileChannel.open(lockFile,
					Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
							LinkOption.NOFOLLOW_LINKS),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (IOException ex) {
			throw new MailslotException(name, "Cannot open the lock file " + lockFile + " of mailslot " + name + ": " + ex,
					ex);
		}
		try {
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				String owner = owner(channel);
				channel.close();
				throw new MailslotNameInUseException(name, "Mailslot " + name + " is in use: "
						+ (owner.isEmpty() ? "another server" : "the server of process " + owner)
						+ " holds the lock on " + lockFile + "; close that server or choose another name");
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
			return new UnixSocketOwnership(channel, lock);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new MailslotException(name, "Cannot lock " + lockFile + " for mailslot " + name + ": " + ex, ex);
		}
	}

	private static String owner(FileChannel channel) {
		try {
			ByteBuffer pid = ByteBuffer.allocate(32);
			channel.read(pid, 0);
			return new String(pid.array(), 0, pid.position(), StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Closing is all that is left to do.
		}
	}

	/**
	 * Let go of the name.
	 */
	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// Closing the channel releases it too.
		}
		closeQuietly(this.channel);
	}

}
