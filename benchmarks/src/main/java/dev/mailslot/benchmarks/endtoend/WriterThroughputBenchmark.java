package dev.mailslot.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

/**
 * Messages a second written in this JVM through the posix transport to the C reader of
 * {@link NativePeer} in a process of its own, which owns the mailslot's queue as a posix
 * server does: the writer's side of the path, without a Java reader. The writer is a
 * {@link MailslotClient} ({@code client}), or a {@link MailslotTemplate} sending the same
 * bytes ({@code template}) or a string of as many ASCII characters
 * ({@code template-text}) to the mailslot's name. Each operation is one message; an
 * invocation writes a burst and returns once the reader reports it received.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class WriterThroughputBenchmark {

	static final int BURST = EndToEndThroughputBenchmark.BURST;

	@Param({ "64", "1024" })
	public int size;

	@Param({ "client", "template", "template-text" })
	public String writer;

	private Process reader;

	private BufferedReader replies;

	private MailslotClient client;

	private ByteBuffer message;

	private MailslotTemplate template;

	private String target;

	private String text;

	private long received;

	@Setup(Level.Trial)
	public void start() throws IOException {
		MailslotName name = MailslotName.local("benchmark-" + ProcessHandle.current().pid() + "-writer-" + this.size);
		this.reader = new ProcessBuilder(NativePeer.reader(name, this.size, BURST))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		this.replies = new BufferedReader(new InputStreamReader(this.reader.getInputStream(), StandardCharsets.UTF_8));
		expect("ready");
		this.client = MailslotTransports.get("posix").openClient(name);
		this.message = ByteBuffer.allocate(this.size);
		this.template = new MailslotTemplate(MailslotTransports.get("posix"), null,
				MailslotMessageConverters.create(StandardCharsets.UTF_8, null));
		this.target = name.toString();
		this.text = "m".repeat(this.size);
	}

	@TearDown(Level.Trial)
	public void stop() throws InterruptedException {
		this.client.close();
		this.template.destroy();
		this.reader.destroy();
		if (!this.reader.waitFor(10, TimeUnit.SECONDS)) {
			this.reader.destroyForcibly();
		}
	}

	@Benchmark
	@OperationsPerInvocation(BURST)
	public long write() {
		switch (this.writer) {
			case "client" -> {
				for (int i = 0; i < BURST; i++) {
					this.message.clear();
					this.message.putLong(0, System.nanoTime());
					this.client.write(this.message);
				}
			}
			case "template" -> {
				for (int i = 0; i < BURST; i++) {
					this.message.putLong(0, System.nanoTime());
					this.template.send(this.target, this.message.array());
				}
			}
			case "template-text" -> {
				for (int i = 0; i < BURST; i++) {
					this.template.send(this.target, this.text);
				}
			}
			default -> throw new IllegalArgumentException("Unknown writer " + this.writer);
		}
		this.received += BURST;
		expect("received " + this.received);
		return this.received;
	}

	private void expect(String reply) {
		WriterProcess.expect(this.replies, reply, "The C reader");
	}

}
