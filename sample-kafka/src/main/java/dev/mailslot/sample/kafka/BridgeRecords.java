package dev.mailslot.sample.kafka;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Makes the Kafka record of a mailslot message, the same from the listener and from a
 * dead-letter replay: keyed by the mailslot's name, with the mailslot headers as UTF-8
 * text, and a stable id in {@value #RECORD_ID}.
 * <p>
 * The id is a name-based UUID of the mailslot's name, the time the message was read (to
 * the nanosecond, as {@link MailslotHeaders#RECEIVED_AT} gives it) and the payload: every
 * send of one message (the listener's retries, and a replay of its dead letter, whose
 * metadata keeps both headers) carries the same id, and two messages read one after the
 * other do not share it. A consumer that skips the ids it has seen takes each message
 * once, however often it was sent.
 */
final class BridgeRecords {

	/** The header that holds the record's id. */
	static final String RECORD_ID = "bridge_recordId";

	private BridgeRecords() {
	}

	/**
	 * Make the record of a message.
	 * @param topic the topic
	 * @param headers the message's headers; those of the mailslot become record headers
	 * @param payload the message
	 * @return the record
	 */
	static ProducerRecord<String, byte[]> record(String topic, Map<String, ?> headers, byte[] payload) {
		String mailslot = text(headers.get(MailslotHeaders.MAILSLOT));
		RecordHeaders recordHeaders = new RecordHeaders();
		headers.forEach((name, value) -> {
			if (name.startsWith(MailslotHeaders.PREFIX)) {
				recordHeaders.add(name, text(value).getBytes(StandardCharsets.UTF_8));
			}
		});
		recordHeaders.add(RECORD_ID, recordId(mailslot, text(headers.get(MailslotHeaders.RECEIVED_AT)), payload)
			.getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(topic, null, mailslot, payload, recordHeaders);
	}

	static String recordId(String mailslot, String receivedAt, byte[] payload) {
		ByteArrayOutputStream name = new ByteArrayOutputStream(
				mailslot.length() + receivedAt.length() + 2 + payload.length);
		name.writeBytes(mailslot.getBytes(StandardCharsets.UTF_8));
		name.write('\n');
		name.writeBytes(receivedAt.getBytes(StandardCharsets.UTF_8));
		name.write('\n');
		name.writeBytes(payload);
		return UUID.nameUUIDFromBytes(name.toByteArray()).toString();
	}

	/**
	 * Return a header's text: an {@link Instant} in ISO-8601, as dead-letter metadata
	 * keeps it.
	 */
	private static String text(@Nullable Object value) {
		return (value instanceof Instant instant) ? instant.toString() : String.valueOf(value);
	}

}
