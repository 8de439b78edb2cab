package dev.mailslot.sample.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker in the bridge's own JVM, for trying the sample on a machine with nothing
 * installed: spring-kafka-test's KRaft broker on a free port, which the bridge's producer
 * reaches through {@link KafkaConnectionDetails} (in place of
 * {@code spring.kafka.bootstrap-servers}), and a consumer that logs every record the
 * bridge puts on the topic.
 * <p>
 * Not a {@code @Configuration}, so that the sample's component scan never picks it up:
 * only {@link TestKafkaBridgeApplication} adds it.
 */
class EmbeddedKafkaConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedKafkaConfiguration.class);

	@Bean(destroyMethod = "destroy")
	EmbeddedKafkaKraftBroker embeddedKafkaBroker(@Value("${bridge.topic}") String topic) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, topic);
		broker.afterPropertiesSet();
		logger.info("Embedded Kafka broker (KRaft) on " + broker.getBrokersAsString() + " with the topic " + topic);
		return broker;
	}

	@Bean
	KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaKraftBroker broker) {
		List<String> servers = Arrays.asList(broker.getBrokersAsString().split(","));
		return () -> servers;
	}

	@KafkaListener(topics = "${bridge.topic}", groupId = "embedded-kafka-log",
			properties = { "auto.offset.reset=earliest",
					"value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer" })
	void log(ConsumerRecord<String, byte[]> record) {
		logger.info("Record " + record.partition() + "@" + record.offset() + " on " + record.topic() + ": key "
				+ record.key() + ", " + record.value().length + " bytes, bridge_recordId "
				+ new String(record.headers().lastHeader(BridgeRecords.RECORD_ID).value(), StandardCharsets.UTF_8));
	}

}
