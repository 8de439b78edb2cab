package dev.mailslot.sample.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Sends each message of the mailslot to Kafka and returns only once the broker has it, so that a
 * message is taken from the mailslot's listener only when Kafka acknowledged it. A send that
 * fails (the broker away past the producer's delivery timeout) fails the message: the listener
 * retries it, then writes it to the dead-letter directory. The listener reads with one thread and
 * the producer is idempotent, so records keep the mailslot's order.
 */
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
		MessageHeaders headers = message.getHeaders();
		String mailslot = String.valueOf(headers.get(MailslotHeaders.MAILSLOT));
		RecordHeaders kafkaHeaders = new RecordHeaders();
		headers.forEach((name, value) -> {
			if (name.startsWith(MailslotHeaders.PREFIX)) {
				String text = (value instanceof Instant instant) ? instant.toString() : String.valueOf(value);
				kafkaHeaders.add(name, text.getBytes(StandardCharsets.UTF_8));
			}
		});
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, null, mailslot, message.getPayload(),
				kafkaHeaders);
		this.kafka.send(record).get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
