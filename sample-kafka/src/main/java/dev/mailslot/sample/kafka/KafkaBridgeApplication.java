package dev.mailslot.sample.kafka;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Bridges the mailslot {@code \\.\mailslot\bridge} to the Kafka topic
 * {@code mailslot.bridge}: every message written to the mailslot becomes one record, in
 * order, keyed by the mailslot's name, with the mailslot headers as Kafka headers.
 */
@SpringBootApplication
public class KafkaBridgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(KafkaBridgeApplication.class, args);
	}

}
