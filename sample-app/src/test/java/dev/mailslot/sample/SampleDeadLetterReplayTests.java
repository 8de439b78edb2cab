package dev.mailslot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.listener.DeadLetterDirectoryErrorHandler;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample over real HTTP: a dead letter of its mailslot replayed with
 * {@code {"action": "replay"}}, and a replay target outside the application refused with
 * {@code 400}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "mailslot.listener.poll-timeout=100ms")
@ExtendWith(OutputCaptureExtension.class)
class SampleDeadLetterReplayTests {

	private static final String NAME = "sample_replay_test_" + ProcessHandle.current().pid();

	@TempDir
	static Path deadLetters;

	@DynamicPropertySource
	static void mailslot(DynamicPropertyRegistry registry) {
		registry.add("sample.mailslot", () -> NAME);
		registry.add("mailslot.listener.dead-letter.directory", () -> deadLetters.toString());
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void aReplayWritesTheDeadLettersBackAndSaysHowMany(CapturedOutput output) throws Exception {
		String mailslot = MailslotName.parse(NAME).toString();
		new DeadLetterDirectoryErrorHandler(deadLetters)
			.handleError(MessageBuilder.withPayload("Replayed message.\0".getBytes(StandardCharsets.UTF_16LE))
				.setHeader(MailslotHeaders.MAILSLOT, mailslot)
				.build(), new IllegalStateException("Order service is down"), 3);
		HttpResponse<String> replay = post("{\"action\": \"replay\"}");
		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
		JsonNode result = this.json.readTree(replay.body());
		assertThat(result.get("mailslot").asString()).isEqualTo(mailslot);
		assertThat(result.get("target").asString()).isEqualTo(mailslot);
		assertThat(result.get("replayed").asInt()).isOne();
		assertThat(result.get("failed").asInt()).isZero();
		assertThat(result.get("remaining").asInt()).isZero();
		assertThat(result.get("failure").isNull()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> output.toString().contains(": Replayed message."));
		try (Stream<Path> files = Files.list(deadLetters)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void aReplayTargetOutsideTheApplicationIsABadRequest() throws Exception {
		HttpResponse<String> refused = post(
				"{\"action\": \"replay\", \"target\": \"\\\\\\\\.\\\\mailslot\\\\elsewhere\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(refused.body()).get("message").asString())
			.startsWith("A replay may not write to '\\\\.\\mailslot\\elsewhere'")
			.endsWith("or add it to mailslot.listener.dead-letter.replay-targets");
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/mailslots/sample"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
