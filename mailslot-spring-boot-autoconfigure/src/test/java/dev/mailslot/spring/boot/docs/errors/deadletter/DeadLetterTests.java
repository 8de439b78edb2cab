package dev.mailslot.spring.boot.docs.errors.deadletter;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retries and the dead letter of {@code docs/error-handling.md}: with its retry YAML, a
 * message whose listener keeps failing is tried three times and kept in a {@code .properties}
 * file with the keys and values the page shows.
 */
class DeadLetterTests {

	@TempDir
	Path deadLetters;

	@Test
	void aMessageThatKeepsFailingIsTriedThreeTimesAndKeptAsThePageShows() throws IOException {
		ExampleApplications.runner(this.deadLetters)
			.withInitializer(ExampleApplications.configurationFile("docs/error-handling/retry.yml"))
			.withPropertyValues("mailslot.servers.orders.name=\\\\.\\mailslot\\orders")
			.withBean(OrderListener.class)
			.run((context) -> {
				long start = System.nanoTime();
				context.getBean(MailslotTemplate.class).send("orders", "order A-1 #1");
				await().atMost(Duration.ofSeconds(20)).until(() -> files(".bin").size() == 1);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("1 s, then 2 s between the attempts")
					.isGreaterThanOrEqualTo(Duration.ofSeconds(3));
			});
		Properties documented = new Properties();
		try (InputStream in = new ClassPathResource("docs/error-handling/dead-letter.properties").getInputStream()) {
			documented.load(in);
		}
		Properties kept = new Properties();
		try (Reader in = Files.newBufferedReader(files(".properties").get(0), StandardCharsets.ISO_8859_1)) {
			kept.load(in);
		}
		assertThat(kept.stringPropertyNames()).isEqualTo(documented.stringPropertyNames());
		for (String key : documented.stringPropertyNames()) {
			if (key.equals("exception.stacktrace")) {
				String shortened = documented.getProperty(key);
				assertThat(kept.getProperty(key)).startsWith(shortened.substring(0, shortened.indexOf("...")));
			}
			else if (!key.equals("header.mailslot_receivedAt")) {
				assertThat(kept.getProperty(key)).as(key).isEqualTo(documented.getProperty(key));
			}
		}
	}

	private List<Path> files(String suffix) throws IOException {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).toList();
		}
	}

}
