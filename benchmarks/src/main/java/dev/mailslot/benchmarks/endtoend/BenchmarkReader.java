package dev.mailslot.benchmarks.endtoend;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

/**
 * The reading side of an end-to-end benchmark: {@code listener}, a
 * {@code @MailslotListener} in a Spring context ({@link ListenerApplication}),
 * {@code batch-listener}, the same taking batches with the default batch properties, or
 * {@code read-loop}, a server (posix unless another transport is named) that the
 * benchmark reads itself, handing each message to {@link #deliveries()}.
 */
final class BenchmarkReader implements AutoCloseable {

	private final @Nullable ConfigurableApplicationContext context;

	private final @Nullable MailslotServer server;

	private final Deliveries deliveries;

	private BenchmarkReader(@Nullable ConfigurableApplicationContext context, @Nullable MailslotServer server,
			Deliveries deliveries) {
		this.context = context;
		this.server = server;
		this.deliveries = deliveries;
	}

	static BenchmarkReader start(String kind, MailslotName name, int maxMessageSize) {
		return start(kind, name, maxMessageSize, "posix");
	}

	/**
	 * Start a reader of the given kind on a transport.
	 */
	static BenchmarkReader start(String kind, MailslotName name, int maxMessageSize, String transport) {
		if (kind.equals("listener") || kind.equals("batch-listener")) {
			ConfigurableApplicationContext context = ListenerApplication.run(name, maxMessageSize,
					kind.equals("listener") ? BenchmarkListener.class : BatchBenchmarkListener.class, transport);
			return new BenchmarkReader(context, null, context.getBean(Deliveries.class));
		}
		MailslotServer server = MailslotTransports.get(transport)
			.createServer(MailslotServerOptions.builder(name)
				.maxMessageSize(maxMessageSize)
				.readTimeout(ReadTimeout.FOREVER)
				.build());
		return new BenchmarkReader(null, server, new Deliveries());
	}

	Deliveries deliveries() {
		return this.deliveries;
	}

	/**
	 * Return the server to read, or {@code null} when a listener reads.
	 */
	@Nullable MailslotServer server() {
		return this.server;
	}

	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

}
