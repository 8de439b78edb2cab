package dev.mailslot.transport.posix;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;

/**
 * A count, kept in a small file that outlives the process, of the messages a posix server
 * has taken off its queue and not yet handed to a reader: those it holds in memory, and
 * the one it reads ahead. The queue survives a {@code kill -9} of its owner and is
 * counted by the server that reclaims it; the memory does not, so the next server on the
 * name reads this count, says in a warning that those messages are lost, and deletes the
 * file. A server closed as usual deletes it.
 * <p>
 * The file is mapped into memory, so keeping the count costs a store, not a system call.
 * It lives in {@code /dev/shm} (or {@code java.io.tmpdir} where that is missing), owned
 * by the server's user with mode 0600, and its name carries the user, the IPC namespace
 * and the queue's name. The count is raised before a message leaves the queue, so a
 * process killed in the moment of a move counts that one message twice (in the queue and
 * here), never not at all.
 */
final class HeldCountFile implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(HeldCountFile.class.getName());

	private static final long MAGIC = 0x3130444C45485341L;

	private static final int SIZE = 16;

	private static final int COUNT_OFFSET = 8;

	/**
	 * Longest file name of the form {@code mailslot-held-...} before the queue's part is
	 * hashed.
	 */
	private static final int LONGEST_NAME = 200;

	private final @Nullable Path path;

	private final @Nullable MappedByteBuffer count;

	private int held;

	private int ahead;

	private HeldCountFile(@Nullable Path path, @Nullable MappedByteBuffer count) {
		this.path = path;
		this.count = count;
	}

	/**
	 * Create the count file of a server that now owns its queue, after reading and
	 * deleting one that an owner that is gone left behind.
	 * @throws MailslotException if a file of another user, a link or a directory stands
	 * under its name
	 */
	static HeldCountFile create(MailslotName name, String queueName) {
		Path path = pathOf(queueName);
		reclaim(name, path);
		try {
			try (FileChannel channel = FileChannel.open(path,
					Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE,
							LinkOption.NOFOLLOW_LINKS),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
				ByteBuffer initial = ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder()).putLong(MAGIC).putLong(0);
				channel.write(initial.flip(), 0);
				MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
				mapped.order(ByteOrder.nativeOrder());
				return new HeldCountFile(path, mapped);
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			deleteQuietly(path);
			logger.log(Level.WARNING,
					"Mailslot " + name + " cannot keep the count of the messages it holds in memory " + "in " + path
							+ " (" + ex + "): if this process is killed, the next server on the name cannot say "
							+ "how many of them were lost. Free space in " + path.getParent() + ", or hold none "
							+ "(MailslotServerOptions holdCapacity 0)");
			return new HeldCountFile(null, null);
		}
	}

	/**
	 * Count the messages held in memory.
	 * @param messages how many are held, or being moved off the queue
	 */
	void held(int messages) {
		this.held = messages;
		store();
	}

	/**
	 * Count the message read ahead.
	 * @param present whether one is read ahead
	 */
	void ahead(boolean present) {
		this.ahead = present ? 1 : 0;
		store();
	}

	private void store() {
		MappedByteBuffer mapped = this.count;
		if (mapped != null) {
			mapped.putLong(COUNT_OFFSET, (long) this.held + this.ahead);
		}
	}

	/**
	 * Delete the file: the server counts what it held itself as it closes.
	 */
	@Override
	public void close() {
		if (this.path != null) {
			deleteQuietly(this.path);
		}
	}

	/**
	 * Return the file's path for a queue.
	 * @param queueName the queue's name
	 * @return the path
	 */
	static Path pathOf(String queueName) {
		String queue = queueName.substring(1);
		String prefix = "mailslot-held-" + LibC.geteuid() + "-" + ipcNamespace() + "-";
		if (prefix.length() + queue.length() > LONGEST_NAME) {
			queue = sha256(queue);
		}
		return directory().resolve(prefix + queue);
	}

	private static Path directory() {
		Path shm = Path.of("/dev/shm");
		if (Files.isDirectory(shm) && Files.isWritable(shm)) {
			return shm;
		}
		return Path.of(System.getProperty("java.io.tmpdir"));
	}

	private static String ipcNamespace() {
		try {
			String link = Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
			return link.replaceAll("[^0-9]", "");
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "0";
		}
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/**
	 * Read and delete a count file that an owner that is gone left, and warn of what it
	 * counted.
	 */
	private static void reclaim(MailslotName name, Path path) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			return;
		}
		int owner = ownerOf(path);
		if (!attributes.isRegularFile() || owner != LibC.geteuid()) {
			throw new MailslotException(name, "Mailslot " + name + " keeps the count of the messages it holds in "
					+ path + ", where "
					+ (attributes.isRegularFile() ? "a file of uid " + owner : "a link or directory")
					+ " stands that this server did not make. Remove it, or run the server as the user who made it");
		}
		long lost = readCount(path);
		deleteQuietly(path);
		if (lost != 0) {
			logger.log(Level.WARNING,
					"Mailslot {0}: the process that owned it before is gone, and the {1} message(s) "
							+ "it had taken off its queue into memory are lost",
					name, (lost < 0) ? "unknown number of" : lost);
		}
	}

	private static int ownerOf(Path path) {
		try {
			return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return -1;
		}
	}

	/**
	 * Return the count a file holds, or -1 if it holds none.
	 */
	private static long readCount(Path path) {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			ByteBuffer content = ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder());
			while (content.hasRemaining() && channel.read(content) >= 0) {
				// Until the 16 bytes are read, or the file ends.
			}
			content.flip();
			if (content.remaining() < SIZE || content.getLong(0) != MAGIC) {
				return -1;
			}
			return content.getLong(COUNT_OFFSET);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			logger.log(Level.DEBUG, "Cannot delete " + path, ex);
		}
	}

}
