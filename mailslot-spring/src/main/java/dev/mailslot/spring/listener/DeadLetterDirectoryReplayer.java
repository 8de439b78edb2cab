package dev.mailslot.spring.listener;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Writes the messages a {@link DeadLetterDirectoryErrorHandler} kept for one mailslot
 * back to that mailslot, or to another one that a predicate allows, oldest first, and
 * removes each message's files only once its write succeeded. A message whose file cannot
 * be read, or which is too large for the target, stays and the replay goes on; a write
 * that fails otherwise (the target is gone, or stayed full for the template's write
 * timeout) stays too and ends the replay, since the messages after it would fail the same
 * way.
 * <p>
 * A replay takes the messages that are in the directory when it starts: those kept while
 * it runs (by a listener that fails again on a replayed message, say) wait for the next
 * one, so a replay always ends. One replay runs at a time; another one asked for
 * meanwhile is refused with a {@link DeadLetterReplayInProgressException}. A message is
 * written at least once: if its files cannot be removed after the write, it is logged and
 * would be written again by the next replay. Each message is written with a handle opened
 * for it ({@link MailslotTemplate#sendWithNewHandle}), so that a target whose owner was
 * killed is found gone and its dead letters stay.
 */
public class DeadLetterDirectoryReplayer {

	/**
	 * The largest {@code .bin} file a replay reads: the largest message a posix queue can
	 * carry.
	 */
	public static final long MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(DeadLetterDirectoryReplayer.class);

	private static final String PAYLOAD = ".bin";

	private static final String METADATA = ".properties";

	private static final String MAILSLOT_KEY = "header." + MailslotHeaders.MAILSLOT;

	private final Path directory;

	private final MailslotTemplate template;

	private final Predicate<MailslotName> allowedTargets;

	private final ReentrantLock lock = new ReentrantLock();

	/**
	 * Create a replayer.
	 * @param directory the dead-letter directory
	 * @param template the template that writes the messages, with its write timeout
	 * @param allowedTargets which mailslots a replay may write to, such as the
	 * application's own
	 */
	public DeadLetterDirectoryReplayer(Path directory, MailslotTemplate template,
			Predicate<MailslotName> allowedTargets) {
		this.directory = directory;
		this.template = template;
		this.allowedTargets = allowedTargets;
	}

	/**
	 * Return the dead-letter directory.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	/**
	 * Return whether a replay may write to a mailslot.
	 * @param target the mailslot
	 * @return whether it is allowed
	 */
	public boolean isAllowed(MailslotName target) {
		return this.allowedTargets.test(target);
	}

	/**
	 * Write the dead letters of a mailslot to a target and remove those written.
	 * @param original the mailslot the messages failed on
	 * @param target where to write them: the original or another allowed mailslot
	 * @return how many were replayed, failed and remain
	 * @throws IllegalArgumentException if the target is not allowed
	 * @throws DeadLetterReplayInProgressException if another replay runs
	 */
	public DeadLetterReplayResult replay(MailslotName original, MailslotName target) {
		if (!isAllowed(target)) {
			throw new IllegalArgumentException("A replay may not write to " + target
					+ ": it is neither one of the application's mailslots nor an allowed replay target");
		}
		if (!this.lock.tryLock()) {
			throw new DeadLetterReplayInProgressException(
					"A replay of " + this.directory + " is running; ask again once it has ended");
		}
		try {
			return replayLocked(original, target);
		}
		finally {
			this.lock.unlock();
		}
	}

	private DeadLetterReplayResult replayLocked(MailslotName original, MailslotName target) {
		int replayed = 0;
		int failed = 0;
		String failure = null;
		for (Path payload : deadLetters(original)) {
			try {
				this.template.sendWithNewHandle(target, read(payload));
			}
			catch (IOException | MessageTooLargeException ex) {
				failed++;
				logger.warn("Dead letter " + payload + " was not replayed to " + target + " and stays: " + ex);
				continue;
			}
			catch (MailslotException | IllegalStateException ex) {
				failed++;
				failure = "Writing " + payload.getFileName() + " to " + target + " failed: " + ex;
				logger.warn(failure + "; it and the dead letters after it stay");
				break;
			}
			replayed++;
			remove(payload);
		}
		int remaining = deadLetters(original).size();
		logger.info("Replayed " + replayed + " dead letter(s) of " + original + " from " + this.directory + " to "
				+ target + "; " + failed + " failed, " + remaining + " remain");
		return new DeadLetterReplayResult(original.toString(), target.toString(), replayed, failed, remaining, failure);
	}

	private byte[] read(Path payload) throws IOException {
		long size = Files.size(payload);
		if (size > MAX_MESSAGE_BYTES) {
			throw new IOException(
					"it has " + size + " bytes, more than any mailslot message (" + MAX_MESSAGE_BYTES + ")");
		}
		return Files.readAllBytes(payload);
	}

	/**
	 * Remove a replayed message: its payload first, so that a {@code .bin} file always
	 * has its {@code .properties} file, as the error handler writes them.
	 */
	private void remove(Path payload) {
		try {
			Files.delete(payload);
			Files.deleteIfExists(metadataOf(payload));
		}
		catch (IOException ex) {
			logger.warn("Dead letter " + payload + " was replayed but could not be removed (" + ex
					+ "); the next replay writes it again");
		}
	}

	/**
	 * Return the dead letters of a mailslot, oldest first: the {@code .bin} files whose
	 * metadata names it. The error handler moves a payload into place after its metadata,
	 * so a listed payload is whole and has its metadata.
	 */
	private List<Path> deadLetters(MailslotName original) {
		if (!Files.isDirectory(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		List<Path> payloads = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.directory)) {
			files.filter((file) -> isPayload(file) && original.equals(mailslotOf(file))).forEach(payloads::add);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the dead-letter directory " + this.directory + ": " + ex, ex);
		}
		payloads.sort(Comparator.comparing(DeadLetterDirectoryReplayer::stamp)
			.thenComparingLong(DeadLetterDirectoryReplayer::sequence));
		return payloads;
	}

	private static boolean isPayload(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(PAYLOAD) && !name.startsWith(".") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
	}

	private static @Nullable MailslotName mailslotOf(Path payload) {
		Properties metadata = new Properties();
		try (Reader reader = Files.newBufferedReader(metadataOf(payload), StandardCharsets.UTF_8)) {
			metadata.load(reader);
			String name = metadata.getProperty(MAILSLOT_KEY);
			return (name != null) ? MailslotName.parse(name) : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static Path metadataOf(Path payload) {
		String name = payload.getFileName().toString();
		return payload.resolveSibling(name.substring(0, name.length() - PAYLOAD.length()) + METADATA);
	}

	/**
	 * The time the stem starts with, {@code yyyyMMdd'T'HHmmss.SSS'Z'}, which sorts as
	 * text.
	 */
	private static String stamp(Path payload) {
		String name = payload.getFileName().toString();
		int end = name.indexOf('-');
		return (end > 0) ? name.substring(0, end) : name;
	}

	/**
	 * The sequence number that ends the stem, which orders the dead letters of one
	 * millisecond.
	 */
	private static long sequence(Path payload) {
		String name = payload.getFileName().toString();
		String stem = name.substring(0, name.length() - PAYLOAD.length());
		try {
			return Long.parseLong(stem.substring(stem.lastIndexOf('-') + 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
