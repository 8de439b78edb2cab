package dev.mailslot.benchmarks.endtoend;

import dev.mailslot.spring.annotation.MailslotListener;

/**
 * The listener of the end-to-end benchmarks: hands each message to {@link Deliveries}.
 */
public class BenchmarkListener {

	private final Deliveries deliveries;

	public BenchmarkListener(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@MailslotListener(id = "benchmark", value = "benchmark")
	public void onMessage(byte[] payload) {
		this.deliveries.accept(payload);
	}

}
