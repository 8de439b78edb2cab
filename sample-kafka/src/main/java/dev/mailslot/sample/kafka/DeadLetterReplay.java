package dev.mailslot.sample.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the bridge's dead letters to Kafka again, oldest first, each as the record the
 * bridge made of it (key, mailslot headers and the same
 * {@value BridgeRecords#RECORD_ID}), and removes each once the broker acknowledged it; a
 * send that fails stops the replay and leaves the rest. Runs at start-up when the
 * application is started with {@code --replay-dead-letters}.
 */
@Component
public class DeadLetterReplay implements ApplicationRunner {

	/** The option that replays the dead letters at start-up. */
	public static final String OPTION = "replay-dead-letters";

	private static final Log logger = LogFactory.getLog(DeadLetterReplay.class);

	private static final String HEADER = "header.";

	private final KafkaTemplate<String, byte[]> kafka;

	private final String topic;

	private final Duration sendTimeout;

	private final Path directory;

	public DeadLetterReplay(KafkaTemplate<String, byte[]> kafka, @Value("${bridge.topic}") String topic,
			@Value("${bridge.send-timeout}") Duration sendTimeout,
			@Value("${mailslot.listener.dead-letter.directory:mailslot-dead-letters}") Path directory) {
		this.kafka = kafka;
		this.topic = topic;
		this.sendTimeout = sendTimeout;
		this.directory = directory;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (args.containsOption(OPTION)) {
			int replayed = replay();
			logger.info("Replayed " + replayed + " dead letter(s) from " + this.directory + " to " + this.topic);
		}
	}

	/**
	 * Send every dead letter of the directory and remove those the broker acknowledged.
	 * @return how many were sent and removed
	 * @throws IOException if a dead letter cannot be read or removed
	 * @throws ExecutionException if Kafka refused a send, which leaves that dead letter
	 * and the rest
	 * @throws TimeoutException if a send was not acknowledged within the bridge's send
	 * timeout
	 */
	public int replay() throws IOException, InterruptedException, ExecutionException, TimeoutException {
		if (!Files.isDirectory(this.directory)) {
			return 0;
		}
		List<Path> payloads;
		try (Stream<Path> files = Files.list(this.directory)) {
			payloads = files.filter((file) -> file.getFileName().toString().endsWith(".bin")).sorted().toList();
		}
		for (Path payload : payloads) {
			String name = payload.getFileName().toString();
			Path metadata = payload.resolveSibling(name.substring(0, name.length() - ".bin".length()) + ".properties");
			this.kafka.send(BridgeRecords.record(this.topic, headers(metadata), Files.readAllBytes(payload)))
				.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
			Files.delete(payload);
			Files.deleteIfExists(metadata);
		}
		return payloads.size();
	}

	/**
	 * Return the message headers a dead letter's metadata keeps, as the text they were
	 * written in.
	 */
	private static Map<String, String> headers(Path metadata) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(metadata, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith(HEADER)) {
				headers.put(key.substring(HEADER.length()), properties.getProperty(key));
			}
		}
		return headers;
	}

}
