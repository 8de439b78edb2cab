package dev.mailslot.spring.listener;

import java.util.Map;

import org.springframework.messaging.MessageHeaders;

/**
 * The headers of a message read from a mailslot. Like Spring for Apache Kafka's, they
 * have no generated {@link MessageHeaders#ID id} or {@link MessageHeaders#TIMESTAMP
 * timestamp}: making them costs more than a local message takes, and
 * {@link dev.mailslot.spring.support.MailslotHeaders#RECEIVED_AT} says when it arrived.
 */
final class ReceivedMessageHeaders extends MessageHeaders {

	ReceivedMessageHeaders(Map<String, Object> headers) {
		super(headers, ID_VALUE_NONE, -1L);
	}

}
