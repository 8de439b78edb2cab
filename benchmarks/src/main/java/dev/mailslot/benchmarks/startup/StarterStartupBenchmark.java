package dev.mailslot.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
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
 * What the starter adds to an application's start-up: the time from launching a JVM that
 * runs {@link StartupApplication} to its context being refreshed, with the starter on the
 * class path (one posix mailslot and its {@code @MailslotListener}, JNA loaded) and
 * without it (the starter, its auto-configure, Spring and core modules and JNA left off
 * the class path). Each operation is one cold start.
 * <p>
 * Two more applications break the starter's cost down: {@code with-starter-memory} runs
 * the starter on the memory transport (no posix queue is created), and
 * {@code with-starter-not-started} creates the posix mailslot and the listener's
 * container but does not start its reader.
 * <p>
 * Each runs in three modes: {@code jvm} as built, {@code aot} processed by Spring AOT and
 * started with {@code -Dspring.aot.enabled=true}, and {@code aot-cds} with a CDS archive
 * from a training run besides (see {@link StartupPreparation}; preparing takes some
 * seconds per trial, outside the measured time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 20)
@Fork(1)
public class StarterStartupBenchmark {

	private static final List<String> STARTER_JARS = List.of("mailslot-spring-boot-starter",
			"mailslot-spring-boot-autoconfigure", "mailslot-spring-", "mailslot-core-", "jna-");

	@Param({ "without-starter", "with-starter", "with-starter-memory", "with-starter-not-started" })
	public String application;

	@Param({ "jvm", "aot", "aot-cds" })
	public String mode;

	private List<String> command;

	private @Nullable StartupPreparation preparation;

	private @Nullable Process process;

	@Setup
	public void prepare() throws IOException, InterruptedException {
		String classPath = classPath(this.application.startsWith("with-starter"));
		String transport = this.application.equals("with-starter-memory") ? "memory" : "posix";
		boolean listenerStarted = !this.application.equals("with-starter-not-started");
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> systemProperties = List.of("-D" + StartupApplication.TRANSPORT_PROPERTY + "=" + transport,
				"-D" + StartupApplication.LISTENER_STARTED_PROPERTY + "=" + listenerStarted);
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(systemProperties);
		if (this.mode.equals("jvm")) {
			command.addAll(List.of("-cp", classPath));
		}
		else {
			StartupPreparation prepared = new StartupPreparation(java, systemProperties);
			this.preparation = prepared;
			String aotClassPath = prepared.processAheadOfTime(classPath);
			command.add("-Dspring.aot.enabled=true");
			command.addAll(this.mode.equals("aot-cds") ? prepared.trainClassDataSharing(aotClassPath)
					: List.of("-cp", aotClassPath));
		}
		command.add(StartupApplication.class.getName());
		this.command = List.copyOf(command);
	}

	@TearDown(Level.Trial)
	public void deletePreparation() throws IOException {
		if (this.preparation != null) {
			this.preparation.close();
		}
	}

	/**
	 * Return this JVM's class path, without the starter, its auto-configure, Spring and
	 * core modules and JNA unless asked for.
	 */
	static String classPath(boolean starter) {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> starter || !isStarterJar(entry))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static boolean isStarterJar(String entry) {
		String file = new File(entry).getName();
		return STARTER_JARS.stream().anyMatch(file::startsWith);
	}

	@Benchmark
	public String start() throws IOException, InterruptedException {
		Process started = new ProcessBuilder(this.command).redirectErrorStream(true).start();
		this.process = started;
		BufferedReader output = new BufferedReader(
				new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.equals("started")) {
				return line;
			}
		}
		throw new IllegalStateException("The application ended without starting; exit code " + started.waitFor());
	}

	/**
	 * Let the application close its context and end, outside the measured time.
	 */
	@TearDown(Level.Iteration)
	public void awaitExit() throws IOException, InterruptedException {
		Process started = this.process;
		if (started == null) {
			return;
		}
		started.getInputStream().transferTo(OutputStream.nullOutputStream());
		if (!started.waitFor(30, TimeUnit.SECONDS)) {
			started.destroyForcibly();
		}
	}

}
