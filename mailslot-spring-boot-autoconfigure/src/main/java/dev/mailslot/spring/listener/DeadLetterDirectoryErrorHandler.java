package dev.mailslot.spring.listener;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;

import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Keeps each failed message in a directory: the payload as {@code <stem>.bin} and its metadata
 * (headers, attempts, the failure and its stack trace) as {@code <stem>.properties}, then logs
 * where. The stem is the time, the mailslot and a sequence number. Each file appears whole, the
 * payload after its metadata.
 */
public class DeadLetterDirectoryErrorHandler implements MailslotErrorHandler {

	private static final Log logger = LogFactory.getLog(DeadLetterDirectoryErrorHandler.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final Path directory;

	private final AtomicLong sequence = new AtomicLong();

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

	@Override
	public void handleError(Message<byte[]> message, Throwable cause, int attempts) {
		String mailslot = String.valueOf(message.getHeaders().get(MailslotHeaders.MAILSLOT));
		String stem = STAMP.format(Instant.now()) + "-" + mailslot.replaceAll("[^A-Za-z0-9._-]+", "_") + "-"
				+ this.sequence.incrementAndGet();
		Path payload = this.directory.resolve(stem + ".bin");
		try {
			Files.createDirectories(this.directory);
			writeAtomically(this.directory.resolve(stem + ".properties"),
					metadata(message, cause, attempts).getBytes(StandardCharsets.UTF_8));
			writeAtomically(payload, message.getPayload());
			logger.error("Message of " + message.getPayload().length + " bytes from " + mailslot + " failed after "
					+ attempts + " attempt(s) and was kept in " + payload + ": " + cause, cause);
		}
		catch (IOException ex) {
			logger.error("Message of " + message.getPayload().length + " bytes from " + mailslot + " failed after "
					+ attempts + " attempt(s) (" + cause + ") and could NOT be kept in " + this.directory + ": " + ex
					+ ". Its bytes in Base64: " + Base64.getEncoder().encodeToString(message.getPayload()),
					cause);
		}
	}

	/**
	 * Write a file under a temporary name and move it into place, so that whoever watches the
	 * directory sees whole files only; the payload is written last.
	 */
	private static void writeAtomically(Path target, byte[] content) throws IOException {
		Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
		Files.write(temporary, content);
		Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
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
