package dev.mailslot.docs.kafka;

// tag::consumer[]
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class OrderRecordConsumer {

	private final ProcessedRecords processedRecords;

	private final Orders orders;

	OrderRecordConsumer(ProcessedRecords processedRecords, Orders orders) {
		this.processedRecords = processedRecords;
		this.orders = orders;
	}

	@KafkaListener(topics = "mailslot.bridge")
	@Transactional
	void onRecord(ConsumerRecord<String, byte[]> record) {
		String id = new String(record.headers().lastHeader("bridge_recordId").value(), StandardCharsets.UTF_8);
		// INSERT INTO processed_records (id) VALUES (?) ON CONFLICT DO NOTHING: 0 rows means a duplicate
		if (this.processedRecords.insertIfAbsent(id)) {
			this.orders.apply(record.value());
		}
	}

}
// end::consumer[]
