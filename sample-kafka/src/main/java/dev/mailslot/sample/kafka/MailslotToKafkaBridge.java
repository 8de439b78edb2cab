package dev.mailslot.sample.kafka;

// tag::recipe[]
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
// end::recipe[]

/**
 * Sends each message of the mailslot to Kafka and returns only once the broker has it, so
 * that a message is taken from the mailslot's listener only when Kafka acknowledged it. A
 * send that fails (the broker away past the producer's delivery timeout) fails the
 * message: the listener retries it, then writes it to the dead-letter directory. The
 * listener reads with one thread and the producer is idempotent, so records keep the
 * mailslot's order.
 * <p>
 * A send that timed out may still reach the topic (a broker that froze and thawed appends
 * what it had received), so a message can be on the topic and dead-lettered too, and a
 * replay of its dead letter sends it again: every record carries a stable id
 * ({@link BridgeRecords}), by which a consumer drops such duplicates.
 */
// tag::recipe[]
@Component
public class MailslotToKafkaBridge {

	private final KafkaTemplate<String, byte[]> kafka;

	private final String topic;

	private final Duration sendTimeout;

	public MailslotToKafkaBridge(KafkaTemplate<String, byte[]> kafka, @Value("${bridge.topic}") String topic,
			@Value("${bridge.send-timeout}") Duration sendTimeout) {
		this.kafka = kafka;
		this.topic = topic;
		this.sendTimeout = sendTimeout;
	}

	@MailslotListener("bridge")
	public void forward(Message<byte[]> message) throws InterruptedException, ExecutionException, TimeoutException {
		this.kafka.send(BridgeRecords.record(this.topic, message.getHeaders(), message.getPayload()))
			.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
// end::recipe[]
