package dev.mailslot.docs.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The idempotent consumer of {@code docs/kafka.md}, on spring-kafka-test's KRaft broker in this
 * JVM: of three records, two with one {@code bridge_recordId}, it applies two.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OrderRecordConsumerTests {

	private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, "mailslot.bridge");

	@AfterEach
	void stopBroker() {
		this.broker.destroy();
	}

	@Test
	void aRecordWhoseIdWasProcessedIsSkipped() {
		this.broker.afterPropertiesSet();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsumerApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(),
					"--spring.kafka.consumer.group-id=orders", "--spring.kafka.consumer.auto-offset-reset=earliest",
					"--spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer");
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
						ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()), new StringSerializer(),
						new ByteArraySerializer())) {
			send(producer, "id-1", "order 1");
			send(producer, "id-2", "order 2");
			send(producer, "id-1", "order 1 again");
			send(producer, "id-3", "order 3");
			Orders orders = context.getBean(Orders.class);
			await().atMost(Duration.ofSeconds(60)).until(() -> orders.applied.size() == 3);
			assertThat(orders.applied).containsExactly("order 1", "order 2", "order 3");
		}
	}

	private static void send(KafkaProducer<String, byte[]> producer, String id, String value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("mailslot.bridge", "orders",
				value.getBytes(StandardCharsets.UTF_8));
		record.headers().add("bridge_recordId", id.getBytes(StandardCharsets.UTF_8));
		producer.send(record);
		producer.flush();
	}

	/** An application of the consumer alone, with Boot's Kafka auto-configuration. */
	@SpringBootConfiguration
	@ImportAutoConfiguration(KafkaAutoConfiguration.class)
	@Import({ OrderRecordConsumer.class, ProcessedRecords.class, Orders.class })
	static class ConsumerApplication {

	}

}
