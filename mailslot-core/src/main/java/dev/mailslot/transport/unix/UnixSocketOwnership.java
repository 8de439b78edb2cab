package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
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
 * A server's hold on its name: an exclusive lock ({@code fcntl}, through
 * {@link FileChannel#tryLock()}) on the lock file beside the socket, which the kernel
 * drops when the process dies. Of several servers that start at once, the one that takes
 * the lock owns the name; a name whose lock is free was left by a server that is gone,
 * whatever its socket file says. The lock file stays when the server closes: deleting it
 * while another process opens it would let two servers lock two files of one name.
 * <p>
 * The file holds the owner's pid (text, in its first {@value #COUNT_OFFSET} bytes), for
 * the message of a server refused, the number of messages the owner holds (a 64-bit
 * big-endian integer at {@value #COUNT_OFFSET}), and the number its writers may still
 * send, as far as it has read (the credit given and not spent, at
 * {@value #UNSPENT_OFFSET}), mapped into memory so that keeping them costs a store. A
 * server closed as usual leaves 0 there; the next owner reads what one that was killed
 * left, and says that the messages it held are lost, and how many more at most its
 * writers had sent that it had not read off its sockets, which the kernel freed with it.
 */
final class UnixSocketOwnership implements AutoCloseable {

	static final int COUNT_OFFSET = 24;

	static final int UNSPENT_OFFSET = COUNT_OFFSET + Long.BYTES;

	private final FileChannel channel;

	private final FileLock lock;

	private final MappedByteBuffer count;

	private final long lostByPrevious;

	private final long unreadByPrevious;

	private UnixSocketOwnership(FileChannel channel, FileLock lock, MappedByteBuffer count, long lostByPrevious,
			long unreadByPrevious) {
		this.channel = channel;
		this.lock = lock;
		this.count = count;
		this.lostByPrevious = lostByPrevious;
		this.unreadByPrevious = unreadByPrevious;
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
			throw new MailslotException(name,
					"Cannot open the lock file " + lockFile + " of mailslot " + name + ": " + ex, ex);
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
				throw new MailslotNameInUseException(name,
						"Mailslot " + name + " is in use: "
								+ (owner.isEmpty() ? "another server" : "the server of process " + owner)
								+ " holds the lock on " + lockFile + "; close that server or choose another name");
			}
			long lost = previousCount(channel, COUNT_OFFSET);
			long unread = previousCount(channel, UNSPENT_OFFSET);
			ByteBuffer content = ByteBuffer.allocate(UNSPENT_OFFSET + Long.BYTES);
			byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
			content.put(pid).position(COUNT_OFFSET).putLong(0).putLong(0).flip();
			channel.truncate(0);
			channel.write(content, 0);
			MappedByteBuffer count = channel.map(FileChannel.MapMode.READ_WRITE, COUNT_OFFSET, 2 * Long.BYTES);
			return new UnixSocketOwnership(channel, lock, count, lost, unread);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new MailslotException(name, "Cannot lock " + lockFile + " for mailslot " + name + ": " + ex, ex);
		}
	}

	private static long previousCount(FileChannel channel, int offset) throws IOException {
		ByteBuffer count = ByteBuffer.allocate(Long.BYTES);
		while (count.hasRemaining()) {
			if (channel.read(count, offset + count.position()) < 0) {
				return 0;
			}
		}
		return Math.max(0, count.flip().getLong());
	}

	private static String owner(FileChannel channel) {
		try {
			ByteBuffer pid = ByteBuffer.allocate(COUNT_OFFSET);
			channel.read(pid, 0);
			String text = new String(pid.array(), 0, pid.position(), StandardCharsets.US_ASCII);
			int end = text.indexOf('\n');
			return ((end >= 0) ? text.substring(0, end) : text).trim();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Return how many messages the previous owner of the name held when it ended without
	 * closing.
	 */
	long lostByPrevious() {
		return this.lostByPrevious;
	}

	/**
	 * Return how many messages at most the previous owner's writers had sent that it had
	 * not read off its sockets when it ended without closing.
	 */
	long unreadByPrevious() {
		return this.unreadByPrevious;
	}

	/**
	 * Record how many messages the server holds now.
	 */
	void held(int messages) {
		this.count.putLong(0, messages);
	}

	/**
	 * Record how many messages the server's writers may still send, as far as it read.
	 */
	void unspent(long messages) {
		this.count.putLong(Long.BYTES, messages);
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
	 * Record that nothing is held, and let go of the name.
	 */
	@Override
	public void close() {
		held(0);
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// Closing the channel releases it too.
		}
		closeQuietly(this.channel);
	}

}
