package dev.mailslot.benchmarks.endtoend;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import dev.mailslot.MailslotClosedException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;

/**
 * Write-to-dispatch latency at a fixed rate: a writer process (a JVM, {@code java}, or
 * the C writer of {@link NativePeer}, {@code c}) writes {@code rate} messages a second
 * through the posix transport (or another, with {@code -p transport=posix,unix}; the C
 * writer speaks posix only) to a {@code @MailslotListener} in a Spring context
 * ({@code listener}) or to a thread calling {@link MailslotServer#read()}
 * ({@code read-loop}), and each message's latency runs from just before the writer's
 * {@code write} to the listener method's first line, or the return of {@code read}. The
 * primary score is the delivered rate (it should equal {@code rate}); the secondary
 * scores are the iteration's latency percentiles in microseconds, and the whole
 * measurement's distribution is printed at the end of the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 1, time = 30)
@Fork(1)
public class EndToEndLatencyBenchmark {

	static final int BATCH = 1_000;

	@Param({ "listener", "read-loop" })
	public String reader;

	@Param({ "java", "c" })
	public String writer;

	@Param({ "posix" })
	public String transport;

	@Param({ "10000" })
	public int rate;

	@Param({ "64" })
	public int size;

	private BenchmarkReader benchmarkReader;

	private @Nullable Thread readLoop;

	private Deliveries deliveries;

	private WriterProcess writerProcess;

	private Histogram iteration;

	private final Histogram measured = new Histogram(3);

	private boolean measuring;

	@Setup(Level.Trial)
	public void start() {
		MailslotName name = MailslotName.local("latency-" + ProcessHandle.current().pid() + "-" + this.writer);
		if (this.writer.equals("c") && !this.transport.equals("posix")) {
			throw new IllegalArgumentException("The C writer writes to posix queues only: use -p writer=java with "
					+ "-p transport=" + this.transport);
		}
		this.benchmarkReader = BenchmarkReader.start(this.reader, name, this.size, this.transport);
		this.deliveries = this.benchmarkReader.deliveries();
		MailslotServer server = this.benchmarkReader.server();
		if (server != null) {
			Thread loop = new Thread(() -> readUntilClosed(server), "read-loop");
			loop.start();
			this.readLoop = loop;
		}
		this.writerProcess = this.writer.equals("c") ? WriterProcess.nativeAtRate(name, this.size, this.rate)
				: WriterProcess.atRate(this.transport, name, this.size, this.rate);
	}

	@Setup(Level.Iteration)
	public void beginIteration(IterationParams params) {
		this.deliveries.takeLatencies();
		this.iteration = new Histogram(3);
		this.measuring = params.getType() == IterationType.MEASUREMENT;
	}

	@TearDown(Level.Iteration)
	public void endIteration() {
		if (this.measuring) {
			this.measured.add(this.iteration);
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws InterruptedException {
		String report = this.writerProcess.stop();
		this.benchmarkReader.close();
		Thread loop = this.readLoop;
		if (loop != null) {
			loop.join();
		}
		System.out.println();
		System.out.println("Writer: " + report);
		System.out.println("Write-to-dispatch latency over the measurement, microseconds:");
		this.measured.outputPercentileDistribution(System.out, 5, 1000.0);
	}

	private void readUntilClosed(MailslotServer server) {
		try {
			while (true) {
				this.deliveries.accept(server.read());
			}
		}
		catch (MailslotClosedException ex) {
			// The trial is over.
		}
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void deliver(Percentiles percentiles) {
		this.deliveries.awaitCount(this.deliveries.count() + BATCH);
		this.iteration.add(this.deliveries.takeLatencies());
		percentiles.update(this.iteration);
	}

	/**
	 * The latency percentiles of the current iteration, in microseconds, reported by JMH
	 * as secondary results.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Percentiles {

		public double p50Micros;

		public double p90Micros;

		public double p99Micros;

		public double p999Micros;

		public double maxMicros;

		void update(Histogram histogram) {
			this.p50Micros = micros(histogram.getValueAtPercentile(50));
			this.p90Micros = micros(histogram.getValueAtPercentile(90));
			this.p99Micros = micros(histogram.getValueAtPercentile(99));
			this.p999Micros = micros(histogram.getValueAtPercentile(99.9));
			this.maxMicros = micros(histogram.getMaxValue());
		}

		private static double micros(long nanos) {
			return nanos / 1000.0;
		}

	}

}
