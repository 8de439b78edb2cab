package dev.mailslot.benchmarks.endtoend;

import java.util.List;

import dev.mailslot.spring.annotation.MailslotListener;

/**
 * The batch listener of the end-to-end throughput benchmark: hands each message of a
 * batch to {@link Deliveries}.
 */
public class BatchBenchmarkListener {

	private final Deliveries deliveries;

	public BatchBenchmarkListener(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@MailslotListener(id = "benchmark", value = "benchmark", batch = "true")
	public void onMessages(List<byte[]> payloads) {
		for (byte[] payload : payloads) {
			this.deliveries.accept(payload);
		}
	}

}
