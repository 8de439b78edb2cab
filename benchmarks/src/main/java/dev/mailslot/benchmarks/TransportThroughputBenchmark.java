package dev.mailslot.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

/**
 * One write then one read on a transport, in one thread: the raw cost of a message
 * through the API, per transport and message size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransportThroughputBenchmark {

	@Param({ "posix", "unix", "memory" })
	public String transport;

	@Param({ "64", "1024" })
	public int size;

	private MailslotServer server;

	private MailslotClient client;

	private byte[] message;

	@Setup(Level.Trial)
	public void open() {
		MailslotTransport mailslots = MailslotTransports.get(this.transport);
		MailslotName name = MailslotName.local("benchmark-" + ProcessHandle.current().pid() + "-" + this.size);
		this.server = mailslots.createServer(MailslotServerOptions.builder(name)
			.maxMessageSize(Math.max(this.size, 64))
			.readTimeout(ReadTimeout.ZERO)
			.build());
		this.client = mailslots.openClient(name);
		this.message = new byte[this.size];
	}

	@TearDown(Level.Trial)
	public void close() {
		this.client.close();
		this.server.close();
	}

	@Benchmark
	public byte[] writeThenRead() {
		this.client.write(this.message);
		return this.server.read();
	}

}
