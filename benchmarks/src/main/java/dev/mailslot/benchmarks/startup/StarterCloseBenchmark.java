package dev.mailslot.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

/**
 * What the starter adds to an application's close: the time from SIGTERM to the end of a
 * JVM that runs {@link StartupApplication}, started and left idle for
 * {@value #IDLE_MILLIS} ms first (outside the measured time), so that its listeners'
 * readers wait for messages. Boot's shutdown hook closes the context: the listener
 * containers stop, then the mailslots close. Compared: the application without the
 * starter (the starter's jars left off the class path, as in
 * {@link StarterStartupBenchmark}), and with it, one posix mailslot and listener, or
 * five.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 20)
@Fork(1)
public class StarterCloseBenchmark {

	/** How long a started application idles before it is sent SIGTERM. */
	static final long IDLE_MILLIS = 300;

	@Param({ "without-starter", "with-starter", "with-starter-5-listeners" })
	public String application;

	private List<String> command;

	private Process process;

	@Setup
	public void prepare() {
		boolean starter = this.application.startsWith("with-starter");
		int listeners = this.application.equals("with-starter-5-listeners") ? StartupApplication.MORE_LISTENERS : 1;
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-D" + StartupApplication.AWAIT_TERMINATION_PROPERTY + "=true",
				"-D" + StartupApplication.LISTENERS_PROPERTY + "=" + listeners, "-cp",
				StarterStartupBenchmark.classPath(starter), StartupApplication.class.getName()));
		this.command = List.copyOf(command);
	}

	/**
	 * Start the application and let it idle, outside the measured time.
	 */
	@Setup(Level.Invocation)
	public void start() throws IOException, InterruptedException {
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.equals("started")) {
				Process started = this.process;
				Thread discarding = new Thread(() -> discardOutput(started), "discard-output");
				discarding.setDaemon(true);
				discarding.start();
				Thread.sleep(IDLE_MILLIS);
				return;
			}
		}
		throw new IllegalStateException("The application ended without starting; exit code " + this.process.waitFor());
	}

	private static void discardOutput(Process process) {
		try {
			process.getInputStream().transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// The process ended.
		}
	}

	@Benchmark
	public int close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException("The application did not end within 60 s of SIGTERM");
		}
		return this.process.exitValue();
	}

	@TearDown(Level.Invocation)
	public void awaitExit() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
