package dev.mailslot.benchmarks.endtoend;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;

/**
 * Messages a second from a writer process, through the posix transport (or another, with
 * {@code -p transport=posix,unix}; the C writer speaks posix only), to a reader in this
 * JVM: either a {@code @MailslotListener} in a Spring context ({@code listener}), the
 * same taking batches ({@code batch-listener}), or a bare loop calling
 * {@link MailslotServer#read()} on the same transport ({@code read-loop}). The writer is
 * a JVM writing through a {@code MailslotClient} ({@code java}) or a C program calling
 * {@code mq_send} ({@code c}), which separates the reader's cost from the writer's. Each
 * operation is one message; an invocation asks the writer for a burst and returns once
 * the reader has taken it all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EndToEndThroughputBenchmark {

	static final int BURST = 50_000;

	@Param({ "listener", "batch-listener", "read-loop" })
	public String reader;

	@Param({ "java", "c" })
	public String writer;

	@Param({ "posix" })
	public String transport;

	@Param({ "64", "1024" })
	public int size;

	private BenchmarkReader benchmarkReader;

	private WriterProcess writerProcess;

	@Setup(Level.Trial)
	public void start() {
		MailslotName name = MailslotName.local(
				"benchmark-" + ProcessHandle.current().pid() + "-" + this.reader + "-" + this.writer + "-" + this.size);
		if (this.writer.equals("c") && !this.transport.equals("posix")) {
			throw new IllegalArgumentException("The C writer writes to posix queues only: use -p writer=java with "
					+ "-p transport=" + this.transport);
		}
		this.benchmarkReader = BenchmarkReader.start(this.reader, name, this.size, this.transport);
		this.writerProcess = this.writer.equals("c") ? WriterProcess.nativeBurst(name, this.size)
				: WriterProcess.burst(this.transport, name, this.size);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.writerProcess.close();
		this.benchmarkReader.close();
	}

	@Benchmark
	@OperationsPerInvocation(BURST)
	public long deliver() {
		Deliveries deliveries = this.benchmarkReader.deliveries();
		MailslotServer server = this.benchmarkReader.server();
		long target = deliveries.count() + BURST;
		this.writerProcess.burst(BURST);
		if (server != null) {
			for (int i = 0; i < BURST; i++) {
				deliveries.accept(server.read());
			}
		}
		else {
			deliveries.awaitCount(target);
		}
		this.writerProcess.awaitSent(BURST);
		return target;
	}

}
