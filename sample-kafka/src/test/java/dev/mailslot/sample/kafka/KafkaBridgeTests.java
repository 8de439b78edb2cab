package dev.mailslot.sample.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.mailslot.MailslotName;
import dev.mailslot.WriterProcess;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge on the posix transport and a real Kafka broker in this JVM
 * (spring-kafka-test's KRaft broker): 10,000 messages that a second process writes into
 * the mailslot reach the topic in order, keyed and with their headers; when the broker
 * stops midway, every message is either on the topic or in the dead-letter directory; and
 * when a broker in a second JVM is frozen with SIGSTOP, the sends that timed out and were
 * dead-lettered, appended anyway when it thawed and sent again by the replay, carry one
 * id each, by which a consumer takes every message once.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KafkaBridgeTests {

	@TempDir
	Path deadLetters;

	@TempDir
	Path brokerProcess;

	private final String mailslot = "\\\\.\\mailslot\\kafka-bridge\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	private final String topic = "mailslot.bridge." + System.nanoTime();

	private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, this.topic);

	private boolean brokerRunning;

	@AfterEach
	void stopBroker() {
		if (this.brokerRunning) {
			this.broker.destroy();
		}
	}

	@Test
	void tenThousandMessagesFromAnotherProcessReachTheTopicInOrder() throws Exception {
		startBroker();
		try (ConfigurableApplicationContext context = startBridge(); Consumer<String, byte[]> consumer = consumer()) {
			int count = 10_000;
			Process writer = startWriter(count);
			String report = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
			System.out.println("Writer process: " + report);
			assertThat(writer.exitValue()).isZero();
			List<ConsumerRecord<String, byte[]>> records = consume(consumer, count, Duration.ofSeconds(180));
			assertThat(records).hasSize(count);
			String name = MailslotName.parse(this.mailslot).toString();
			for (int i = 0; i < count; i++) {
				ConsumerRecord<String, byte[]> record = records.get(i);
				assertThat(record.value()).as("record %d", i).isEqualTo(WriterProcess.message(i));
				assertThat(record.key()).isEqualTo(name);
			}
			ConsumerRecord<String, byte[]> first = records.get(0);
			assertThat(header(first, MailslotHeaders.SERVER_ID)).isEqualTo("bridge");
			assertThat(header(first, MailslotHeaders.SIZE)).isEqualTo("260");
			assertThat(header(first, MailslotHeaders.RECEIVED_AT)).isNotBlank();
			assertThat(files()).isEmpty();
		}
	}

	@Test
	void whenKafkaStopsMidwayEveryMessageIsOnTheTopicOrDeadLettered() throws Exception {
		startBroker();
		try (ConfigurableApplicationContext context = startBridge()) {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			List<String> before = new ArrayList<>();
			try (Consumer<String, byte[]> consumer = consumer()) {
				for (int i = 0; i < 100; i++) {
					before.add("before-" + i);
					template.send("bridge", "before-" + i);
				}
				List<String> onTopic = consume(consumer, before.size(), Duration.ofSeconds(60)).stream()
					.map((record) -> new String(record.value(), StandardCharsets.UTF_8))
					.toList();
				assertThat(onTopic).containsExactlyElementsOf(before);
			}
			this.broker.destroy();
			this.brokerRunning = false;
			List<String> after = List.of("after-0", "after-1", "after-2");
			for (String text : after) {
				template.send("bridge", text);
			}
			await().atMost(Duration.ofSeconds(120)).until(() -> files().size() == after.size());
			List<String> deadLettered = new ArrayList<>();
			for (Path file : files()) {
				deadLettered.add(Files.readString(file, StandardCharsets.UTF_8));
			}
			assertThat(deadLettered).containsExactlyInAnyOrderElementsOf(after);
			System.out.println("Kafka stopped midway: " + before.size() + " messages on the topic, "
					+ deadLettered.size() + " in the dead-letter directory, none lost");
		}
	}

	private void startBroker() {
		this.broker.afterPropertiesSet();
		this.brokerRunning = true;
	}

	@Test
	void aSendThatTimedOutWhileTheBrokerWasFrozenIsTakenOnceByItsIdAfterTheReplay() throws Exception {
		Path address = this.brokerProcess.resolve("address");
		Process broker = startBrokerProcess(address);
		try {
			await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(address));
			String bootstrap = Files.readString(address);
			try (ConfigurableApplicationContext context = startBridge(bootstrap);
					Consumer<String, byte[]> consumer = consumer(bootstrap)) {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				List<String> sent = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					sent.add("before-" + i);
					template.send("bridge", "before-" + i);
				}
				List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(
						consume(consumer, sent.size(), Duration.ofSeconds(60)));
				assertThat(records).hasSize(sent.size());
				signal(broker, "STOP");
				for (int i = 0; i < 3; i++) {
					sent.add("frozen-" + i);
					template.send("bridge", "frozen-" + i);
				}
				await().atMost(Duration.ofSeconds(120)).until(() -> files().size() == 3);
				signal(broker, "CONT");
				DeadLetterReplay replay = context.getBean(DeadLetterReplay.class);
				await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
					replay.replay();
					return files().isEmpty();
				});
				records.addAll(consumeUntilQuiet(consumer, Duration.ofSeconds(5)));
				long frozenRecords = records.stream()
					.filter((record) -> new String(record.value(), StandardCharsets.UTF_8).startsWith("frozen-"))
					.count();
				List<ConsumerRecord<String, byte[]>> withoutId = records.stream()
					.filter((record) -> record.headers().lastHeader(BridgeRecords.RECORD_ID) == null)
					.toList();
				Map<String, String> onceById = new LinkedHashMap<>();
				records.stream()
					.filter((record) -> !withoutId.contains(record))
					.forEach((record) -> onceById.putIfAbsent(header(record, BridgeRecords.RECORD_ID),
							new String(record.value(), StandardCharsets.UTF_8)));
				System.out.println("Broker frozen with SIGSTOP: 3 sends timed out and were dead-lettered, then "
						+ "replayed; the topic holds " + frozenRecords + " records of those 3 messages, "
						+ records.size() + " records of " + sent.size() + " messages in all, " + withoutId.size()
						+ " without an id; an idempotent consumer keyed by " + BridgeRecords.RECORD_ID + " takes "
						+ onceById.size() + " of " + sent.size() + " messages");
				assertThat(withoutId.size()).as("records without %s", BridgeRecords.RECORD_ID).isZero();
				for (ConsumerRecord<String, byte[]> record : records) {
					String first = onceById.get(header(record, BridgeRecords.RECORD_ID));
					assertThat(new String(record.value(), StandardCharsets.UTF_8))
						.as("a record with the id of %s", first)
						.isEqualTo(first);
				}
				assertThat(onceById.values()).containsExactlyInAnyOrderElementsOf(sent);
			}
		}
		finally {
			signal(broker, "CONT");
			broker.getOutputStream().close();
			if (!broker.waitFor(60, TimeUnit.SECONDS)) {
				broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	private Process startBrokerProcess(Path address) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
				this.topic, address.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.brokerProcess.resolve("broker.log").toFile())
			.start();
	}

	private static void signal(Process process, String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
		assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
	}

	/**
	 * Read records until none has come for the given time.
	 */
	private static List<ConsumerRecord<String, byte[]>> consumeUntilQuiet(Consumer<String, byte[]> consumer,
			Duration quiet) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		long lastRecord = System.nanoTime();
		while (System.nanoTime() - lastRecord < quiet.toNanos()) {
			ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
			if (!polled.isEmpty()) {
				polled.forEach(records::add);
				lastRecord = System.nanoTime();
			}
		}
		return records;
	}

	private ConfigurableApplicationContext startBridge() {
		return startBridge(this.broker.getBrokersAsString());
	}

	private ConfigurableApplicationContext startBridge(String bootstrap) {
		return new SpringApplicationBuilder(KafkaBridgeApplication.class).run(
				"--spring.kafka.bootstrap-servers=" + bootstrap, "--bridge.topic=" + this.topic,
				"--mailslot.transport=posix", "--mailslot.servers.bridge.name=" + this.mailslot,
				"--mailslot.listener.dead-letter.directory=" + this.deadLetters,
				"--mailslot.listener.retry.max-retries=1", "--mailslot.listener.retry.delay=100ms",
				"--spring.kafka.producer.properties.delivery.timeout.ms=2000",
				"--spring.kafka.producer.properties.request.timeout.ms=1000",
				"--spring.kafka.producer.properties.max.block.ms=2000", "--bridge.send-timeout=5s");
	}

	private Consumer<String, byte[]> consumer() {
		return consumer(this.broker.getBrokersAsString());
	}

	private Consumer<String, byte[]> consumer(String bootstrap) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bridge-test");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of(this.topic));
		return consumer;
	}

	private static List<ConsumerRecord<String, byte[]>> consume(Consumer<String, byte[]> consumer, int count,
			Duration timeout) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (records.size() < count && System.nanoTime() - deadline < 0) {
			consumer.poll(Duration.ofMillis(500)).forEach(records::add);
		}
		return records;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private Process startWriter(int count) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(),
				"posix", this.mailslot, Integer.toString(count))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
	}

	private List<Path> files() throws Exception {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.filter((file) -> file.toString().endsWith(".bin")).sorted().toList();
		}
	}

}
