package dev.mailslot.sample.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.kafka.test.utils.KafkaTestUtils;

import dev.mailslot.MailslotName;
import dev.mailslot.WriterProcess;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge on the posix transport and a real Kafka broker in this JVM (spring-kafka-test's
 * KRaft broker): 10,000 messages that a second process writes into the mailslot reach the topic in
 * order, keyed and with their headers; and when the broker stops midway, every message is either
 * on the topic or in the dead-letter directory.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KafkaBridgeTests {

	@TempDir
	Path deadLetters;

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
		try (ConfigurableApplicationContext context = startBridge();
				Consumer<String, byte[]> consumer = consumer()) {
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

	private ConfigurableApplicationContext startBridge() {
		return new SpringApplicationBuilder(KafkaBridgeApplication.class).run(
				"--spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(), "--bridge.topic=" + this.topic,
				"--mailslot.transport=posix", "--mailslot.servers.bridge.name=" + this.mailslot,
				"--mailslot.listener.dead-letter.directory=" + this.deadLetters,
				"--mailslot.listener.retry.max-retries=1", "--mailslot.listener.retry.delay=100ms",
				"--spring.kafka.producer.properties.delivery.timeout.ms=2000",
				"--spring.kafka.producer.properties.request.timeout.ms=1000",
				"--spring.kafka.producer.properties.max.block.ms=2000", "--bridge.send-timeout=5s");
	}

	private Consumer<String, byte[]> consumer() {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "bridge-test", false);
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
