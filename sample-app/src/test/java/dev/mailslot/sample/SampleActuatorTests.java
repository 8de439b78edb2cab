package dev.mailslot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample over real HTTP: pause its listener through {@code /actuator/mailslots},
 * write messages, see them in {@code /actuator/health}, resume, and watch the count
 * drain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "mailslot.listener.poll-timeout=100ms")
class SampleActuatorTests {

	private static final int MESSAGES = 5;

	private static final String NAME = "sample_actuator_test_" + ProcessHandle.current().pid();

	@DynamicPropertySource
	static void mailslot(DynamicPropertyRegistry registry) {
		registry.add("sample.mailslot", () -> NAME);
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MailslotTransport transport;

	@Test
	void healthShowsGetMailslotInfoAndTheEndpointControlsTheListener() throws Exception {
		JsonNode paused = post("/actuator/mailslots/sample", "{\"action\": \"pause\"}");
		assertThat(paused.get("id").asString()).isEqualTo("sample");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> get("/actuator/mailslots/sample").get("state").asString().equals("PAUSED"));
		String name = NAME;
		try (MailslotClient client = this.transport.openClient(MailslotName.parse(name))) {
			for (int i = 0; i < MESSAGES; i++) {
				client.write(("Message " + i + " for mailslot.").getBytes(StandardCharsets.UTF_8));
			}
		}
		JsonNode health = get("/actuator/health");
		JsonNode sample = health.get("components").get("mailslot").get("components").get("sample");
		assertThat(sample.get("status").asString()).isEqualTo("UP");
		JsonNode details = sample.get("details");
		assertThat(details.get("name").asString()).isEqualTo(MailslotName.parse(name).toString());
		assertThat(details.get("messageCount").asInt()).isEqualTo(MESSAGES);
		assertThat(details.get("nextMessageSize").asInt()).isEqualTo("Message 0 for mailslot.".length());
		assertThat(details.get("readTimeout").asString()).isEqualTo("forever");
		assertThat(details.get("listenerState").asString()).isEqualTo("PAUSED");

		post("/actuator/mailslots/sample", "{\"action\": \"resume\"}");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/actuator/health").get("components")
				.get("mailslot")
				.get("components")
				.get("sample")
				.get("details")
				.get("messageCount")
				.asInt() == 0);
		JsonNode mailslots = get("/actuator/mailslots");
		JsonNode listener = mailslots.get("listeners").get("sample");
		assertThat(listener.get("state").asString()).isEqualTo("RUNNING");
		assertThat(listener.get("statistics").get("received").asInt()).isEqualTo(MESSAGES);
		assertThat(listener.get("statistics").get("processed").asInt()).isEqualTo(MESSAGES);
		assertThat(mailslots.get("servers").get("sample").get("listener").asString()).isEqualTo("sample");
		assertThat(get("/actuator/health").get("components")
			.get("mailslot")
			.get("components")
			.get("sample")
			.get("details")
			.get("nextMessageSize")
			.asString()).isEqualTo("none");
	}

	@Test
	void aBadRequestSaysWhichIdIsUnknownAndWhichIdsThereAre() throws Exception {
		HttpResponse<String> unknownId = send(HttpRequest.newBuilder(uri("/actuator/mailslots/nope")).GET());
		assertThat(unknownId.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(unknownId.body()).get("message").asString())
			.isEqualTo("No mailslot listener has the id 'nope'; the ids are [sample]");
		HttpResponse<String> unknownAction = send(HttpRequest.newBuilder(uri("/actuator/mailslots/sample"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"jump\"}")));
		assertThat(unknownAction.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(unknownAction.body()).get("message").asString())
			.isEqualTo("Unknown action 'jump' for listener 'sample'; use pause, resume, start, stop or replay");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private JsonNode post(String path, String body) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
