package dev.mailslot.benchmarks.startup;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.util.FileSystemUtils;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;

/**
 * Prepares {@link StartupApplication} the two ways Spring Boot documents for a faster
 * start on the JVM, in a directory of its own: processed ahead of time (what
 * {@code spring-boot-maven-plugin}'s {@code process-aot} goal does:
 * {@link SpringApplicationAotProcessor}, then compiling what it generated), and, on top
 * of that, with a CDS archive written by a training run that exits once the context is
 * refreshed ({@code -XX:ArchiveClassesAtExit} and
 * {@code -Dspring.context.exit=onRefresh}). Each child process must finish within
 * {@value #CHILD_TIMEOUT_SECONDS} s.
 */
final class StartupPreparation implements AutoCloseable {

	private static final long CHILD_TIMEOUT_SECONDS = 120;

	private final String launcher;

	private final List<String> systemProperties;

	private final Path directory;

	/**
	 * Create a preparation in a temporary directory of its own.
	 * @param launcher the {@code java} launcher
	 * @param systemProperties the {@code -D} options the application is started with,
	 * which the AOT processing must see too since they choose its beans
	 */
	StartupPreparation(String launcher, List<String> systemProperties) throws IOException {
		this.launcher = launcher;
		this.systemProperties = List.copyOf(systemProperties);
		this.directory = Files.createTempDirectory("mailslot-startup-");
	}

	/**
	 * Run Spring AOT on the application and compile what it generated.
	 * @return the class path with the generated classes and resources first
	 */
	String processAheadOfTime(String classPath) throws IOException, InterruptedException {
		Path sources = this.directory.resolve("aot-sources");
		Path resources = this.directory.resolve("aot-resources");
		Path classes = this.directory.resolve("aot-classes");
		List<String> command = new ArrayList<>(List.of(this.launcher));
		command.addAll(this.systemProperties);
		command.addAll(List.of("-cp", classPath, SpringApplicationAotProcessor.class.getName(),
				StartupApplication.class.getName(), sources.toString(), resources.toString(), classes.toString(),
				"dev.mailslot", "benchmarks"));
		run(command);
		Files.createDirectories(classes);
		compile(sources, classes, classes + File.pathSeparator + classPath);
		copyTree(resources, classes);
		return classes + File.pathSeparator + classPath;
	}

	/**
	 * Write a CDS archive of the classes the application loads until its context is
	 * refreshed. CDS takes classes from jars only, so every directory on the class path
	 * is made a jar first.
	 * @return the JVM options that start the application with the archive, and the class
	 * path it must be started with
	 */
	List<String> trainClassDataSharing(String aotClassPath) throws IOException, InterruptedException {
		List<String> jars = new ArrayList<>();
		for (String entry : aotClassPath.split(File.pathSeparator)) {
			jars.add(Files.isDirectory(Path.of(entry)) ? jar(Path.of(entry), jars.size()).toString() : entry);
		}
		String classPath = String.join(File.pathSeparator, jars);
		Path archive = this.directory.resolve("application.jsa");
		String mailslot = "training-" + ProcessHandle.current().pid();
		List<String> training = new ArrayList<>(
				List.of(this.launcher, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
						"-Dspring.aot.enabled=true", "-D" + StartupApplication.MAILSLOT_PROPERTY + "=" + mailslot));
		training.addAll(this.systemProperties);
		training.addAll(List.of("-cp", classPath, StartupApplication.class.getName()));
		run(training);
		reclaim(MailslotName.local("startup-" + mailslot));
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("The training run wrote no CDS archive at " + archive);
		}
		return List.of("-XX:SharedArchiveFile=" + archive, "-cp", classPath);
	}

	/**
	 * Remove the posix queue that the training run leaves:
	 * {@code spring.context.exit=onRefresh} halts its JVM without closing the context. A
	 * server of the same name reclaims it.
	 */
	private static void reclaim(MailslotName name) {
		MailslotTransports.get("posix").createServer(MailslotServerOptions.builder(name).build()).close();
	}

	@Override
	public void close() throws IOException {
		FileSystemUtils.deleteRecursively(this.directory);
	}

	private void compile(Path sources, Path output, String classPath) throws IOException {
		List<String> arguments = new ArrayList<>(
				List.of("-nowarn", "-proc:none", "-d", output.toString(), "-cp", classPath));
		try (Stream<Path> files = Files.walk(sources)) {
			arguments.addAll(files.filter((file) -> file.toString().endsWith(".java")).map(Path::toString).toList());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("Compiling the AOT sources needs a JDK; this is a JRE");
		}
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		if (compiler.run(null, errors, errors, arguments.toArray(String[]::new)) != 0) {
			throw new IllegalStateException("Compiling the AOT sources in " + sources + " failed: " + errors);
		}
	}

	private Path jar(Path classes, int position) throws IOException {
		Path jar = this.directory.resolve("class-path-" + position + ".jar");
		StringWriter errors = new StringWriter();
		java.util.spi.ToolProvider tool = java.util.spi.ToolProvider.findFirst("jar")
			.orElseThrow(() -> new IllegalStateException("Making a jar for CDS needs the JDK's jar tool"));
		if (tool.run(new PrintWriter(errors), new PrintWriter(errors), "--create", "--file", jar.toString(), "-C",
				classes.toString(), ".") != 0) {
			throw new IllegalStateException("Could not make a jar of " + classes + ": " + errors);
		}
		return jar;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		if (Files.isDirectory(from)) {
			FileSystemUtils.copyRecursively(from, to);
		}
	}

	private void run(List<String> command) throws IOException, InterruptedException {
		Path output = this.directory.resolve("child.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Did not finish within " + CHILD_TIMEOUT_SECONDS + " s: " + command);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("Exit code " + process.exitValue() + " from " + command
					+ System.lineSeparator() + Files.readString(output));
		}
	}

}
