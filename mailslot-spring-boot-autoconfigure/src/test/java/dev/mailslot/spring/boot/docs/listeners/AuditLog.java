package dev.mailslot.spring.boot.docs.listeners;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Where the examples' audit listeners record what they receive.
 */
class AuditLog {

	final BlockingQueue<String> records = new LinkedBlockingQueue<>();

	void record(byte[] message) {
		this.records.add(new String(message, StandardCharsets.UTF_8));
	}

}
