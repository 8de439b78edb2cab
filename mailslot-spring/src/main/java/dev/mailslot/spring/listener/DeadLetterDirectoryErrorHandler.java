package dev.mailslot.spring.listener;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;

import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Keeps each failed message in a directory: the payload as {@code <stem>.bin} and its
 * metadata (headers, attempts, the failure and its stack trace) as
 * {@code <stem>.properties}, then logs where: with the failure's stack trace, or in one
 * line for a message that was never dispatched (attempts 0, left at shutdown). The stem
 * is the time, the mailslot and a sequence number. Each file appears whole, the payload
 * after its metadata.
 * <p>
 * Messages may be private, so where the file system has POSIX permissions the directory
 * is created {@code 0700} and the files {@code 0600}, and a directory that another uid
 * owns or that others may write to is refused (uids are compared, so a uid without a
 * passwd entry keeps its dead letters too). Files are written under random temporary
 * names, never through a symbolic link and never over an existing file, and a temporary
 * file that could not be completed (a full disk, say) is removed; the message's bytes
 * then go to the log in Base64.
 */
public class DeadLetterDirectoryErrorHandler implements MailslotErrorHandler {

	private static final Log logger = LogFactory.getLog(DeadLetterDirectoryErrorHandler.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private final Path directory;

	private final AtomicLong sequence = new AtomicLong();

	private final SecureRandom random = new SecureRandom();

	/**
	 * Create a handler that writes to the given directory, creating it when needed.
	 * @param directory where failed messages go
	 */
	public DeadLetterDirectoryErrorHandler(Path directory) {
		this.directory = directory;
	}

	/**
	 * Return the directory failed messages go to.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	/**
	 * Check the directory, if it exists, as every write does: call at start-up to refuse
	 * a directory that would be refused at the first failure.
	 * @throws IllegalStateException saying why the directory cannot keep messages
	 */
	public void checkDirectory() {
		if (Files.exists(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			try {
				checkExisting();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot inspect " + this.directory + ": " + ex, ex);
			}
		}
	}

	@Override
	public void handleError(Message<byte[]> message, Throwable cause, int attempts) {
		String mailslot = String.valueOf(message.getHeaders().get(MailslotHeaders.MAILSLOT));
		String stem = STAMP.format(Instant.now()) + "-" + mailslot.replaceAll("[^A-Za-z0-9._-]+", "_") + "-"
				+ this.sequence.incrementAndGet();
		Path payload = this.directory.resolve(stem + ".bin");
		Path metadata = this.directory.resolve(stem + ".properties");
		try {
			prepareDirectory();
			writeAtomically(metadata, metadata(message, cause, attempts).getBytes(StandardCharsets.UTF_8));
			try {
				writeAtomically(payload, message.getPayload());
			}
			catch (IOException ex) {
				Files.deleteIfExists(metadata);
				throw ex;
			}
			if (attempts == 0) {
				logger.warn("Message of " + message.getPayload().length + " bytes from " + mailslot
						+ " was never dispatched and was kept in " + payload + ": " + cause.getMessage());
			}
			else {
				logger.error("Message of " + message.getPayload().length + " bytes from " + mailslot + " failed after "
						+ attempts + " attempt(s) and was kept in " + payload + ": " + cause, cause);
			}
		}
		catch (IOException | IllegalStateException ex) {
			logger.error(
					"Message of " + message.getPayload().length + " bytes from " + mailslot + " failed after "
							+ attempts + " attempt(s) (" + cause + ") and could NOT be kept in " + this.directory + ": "
							+ ex + ". Its bytes in Base64: " + Base64.getEncoder().encodeToString(message.getPayload()),
					cause);
		}
	}

	private void prepareDirectory() throws IOException {
		if (!Files.exists(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			if (isPosix()) {
				Files.createDirectories(this.directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else {
				Files.createDirectories(this.directory);
			}
		}
		checkExisting();
	}

	private void checkExisting() throws IOException {
		if (!Files.isDirectory(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			throw refused("it is not a directory (or it is a symbolic link)", "give a directory of this user's");
		}
		if (!isPosix()) {
			return;
		}
		PosixFileAttributes attributes = Files.readAttributes(this.directory, PosixFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		String foreignOwner = FileOwnership.foreignOwner(this.directory, attributes);
		if (foreignOwner != null) {
			throw refused(foreignOwner, "give a directory of this user's, or let the application create one");
		}
		Set<PosixFilePermission> permissions = attributes.permissions();
		if (permissions.contains(PosixFilePermission.GROUP_WRITE)
				|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
			throw refused("others may write to it (" + PosixFilePermissions.toString(permissions) + ")",
					"chmod 700 " + this.directory);
		}
	}

	private IllegalStateException refused(String reason, String remedy) {
		return new IllegalStateException("Dead-letter directory " + this.directory.toAbsolutePath() + " is refused: "
				+ reason + ". Messages kept there may be private; " + remedy);
	}

	private boolean isPosix() {
		return this.directory.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * Write a file under a random temporary name and move it into place, so that whoever
	 * watches the directory sees whole files only. The temporary file is new (never an
	 * existing file, never a symbolic link), owner-only where permissions exist, and
	 * removed if it cannot be completed.
	 */
	private void writeAtomically(Path target, byte[] content) throws IOException {
		Path temporary = target
			.resolveSibling("." + target.getFileName() + "." + Long.toHexString(this.random.nextLong()) + ".tmp");
		Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				LinkOption.NOFOLLOW_LINKS);
		try {
			try (SeekableByteChannel channel = isPosix()
					? Files.newByteChannel(temporary, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
					: Files.newByteChannel(temporary, options)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			Files.deleteIfExists(temporary);
			throw ex;
		}
	}

	private static String metadata(Message<byte[]> message, Throwable cause, int attempts) throws IOException {
		Properties properties = new Properties();
		for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
			properties.setProperty("header." + header.getKey(), String.valueOf(header.getValue()));
		}
		properties.setProperty("attempts", Integer.toString(attempts));
		properties.setProperty("size", Integer.toString(message.getPayload().length));
		properties.setProperty("exception", cause.getClass().getName());
		properties.setProperty("exception.message", String.valueOf(cause.getMessage()));
		StringWriter trace = new StringWriter();
		cause.printStackTrace(new PrintWriter(trace));
		properties.setProperty("exception.stacktrace", trace.toString());
		StringWriter out = new StringWriter();
		properties.store(out, "Mailslot message that was not processed");
		return out.toString();
	}

}
