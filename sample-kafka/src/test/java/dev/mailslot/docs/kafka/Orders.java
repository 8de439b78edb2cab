package dev.mailslot.docs.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the consumer does with each record: here, keep its value.
 */
class Orders {

	final List<String> applied = new CopyOnWriteArrayList<>();

	void apply(byte[] order) {
		this.applied.add(new String(order, StandardCharsets.UTF_8));
	}

}
