package dev.mailslot.sample.kafka;

import org.springframework.boot.SpringApplication;

/**
 * The bridge with a Kafka broker in its own JVM ({@link EmbeddedKafkaConfiguration}), for
 * a machine with nothing installed:
 * {@code mvn -q -pl sample-kafka -am spring-boot:run -Pembedded-kafka}, which runs it on
 * the test class path, where spring-kafka-test is; the sample's own class path stays
 * without it. The Spring profile {@code embedded-kafka}
 * ({@code application-embedded-kafka.yml}) quiets the broker's logging.
 */
public final class TestKafkaBridgeApplication {

	private TestKafkaBridgeApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(KafkaBridgeApplication::main)
			.with(EmbeddedKafkaConfiguration.class)
			.withAdditionalProfiles("embedded-kafka")
			.run(args);
	}

}
