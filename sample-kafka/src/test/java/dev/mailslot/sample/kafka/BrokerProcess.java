package dev.mailslot.sample.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker in a JVM of its own (spring-kafka-test's KRaft broker), so that a test
 * can freeze it with SIGSTOP and thaw it with SIGCONT. Writes its bootstrap address to a
 * file once it serves, and stops when its standard input closes.
 * <p>
 * Arguments: the topic to create, the file to write the address to.
 */
public final class BrokerProcess {

	private BrokerProcess() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, args[0]);
		broker.afterPropertiesSet();
		Path address = Path.of(args[1]);
		Path written = Files.writeString(address.resolveSibling(address.getFileName() + ".tmp"),
				broker.getBrokersAsString());
		Files.move(written, address);
		try {
			while (System.in.read() >= 0) {
				// Until the test closes the pipe.
			}
		}
		finally {
			broker.destroy();
		}
	}

}
