package dev.mailslot.spring.boot.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Boot application with 50 {@code @MailslotListener}s at the stock limits (a private
 * IPC namespace's {@code fs.mqueue} sysctls and an {@code RLIMIT_MSGQUEUE} of 819,200
 * bytes) starts, and each listener receives every message written to its mailslot. A real
 * application in a second JVM on the posix transport, run as a uid of its own: the kernel
 * counts the bytes of queues per user across IPC namespaces, so under root the queues of
 * other processes would share the limit.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotManyListenersTests {

	/**
	 * A uid that no other test uses and no passwd entry names, so that no other queue is
	 * its.
	 */
	private static final String UID = "40025";

	private static final int LISTENERS = 50;

	private static final int MESSAGES = 20;

	private static final Pattern COUNT = Pattern.compile("(accepted|received|waiting) (l\\d\\d) (\\d+)");

	@Test
	void fiftyListenersStartAndEachReceivesWhatWasWrittenToIt(@TempDir Path temp) throws Exception {
		assumeRootWithUtilLinux();
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path home = Files.createDirectory(temp.resolve("home"));
		Files.setOwner(home, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UID));
		Path deadLetters = home.resolve("dead-letters");
		Path output = temp.resolve("output.txt");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process application = new ProcessBuilder("unshare", "--ipc", "prlimit", "--msgqueue=819200:819200", "setpriv",
				"--reuid=" + UID, "--regid=" + UID, "--clear-groups", java, "-XX:-UsePerfData", "-Duser.home=" + home,
				"-cp", readableClassPath(Files.createDirectory(temp.resolve("classes"))),
				ManyListenersApplication.class.getName(), "--mailslot.transport=posix", "--many.first=first",
				"--mailslot.servers.first.name=many-00", "--mailslot.listener.dead-letter.directory=" + deadLetters)
			.directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try (PrintWriter commands = new PrintWriter(application.getOutputStream(), true, StandardCharsets.UTF_8)) {
			await().atMost(Duration.ofSeconds(120))
				.until(() -> lines(output).contains("ready") || !application.isAlive());
			assertThat(lines(output)).as(Files.readString(output)).contains("ready");
			commands.println("write " + MESSAGES);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> counts(output, "accepted").size() == LISTENERS || !application.isAlive());
			Map<String, Integer> accepted = counts(output, "accepted");
			assertThat(accepted).as(Files.readString(output))
				.hasSize(LISTENERS)
				.allSatisfy((id, count) -> assertThat(count).isEqualTo(MESSAGES));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				commands.println("count");
				return counts(output, "received").equals(accepted) || !application.isAlive();
			});
			assertThat(counts(output, "received")).as(Files.readString(output)).isEqualTo(accepted);
			commands.close();
			assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("the application ends").isTrue();
			String log = Files.readString(output);
			System.out.println("50 listeners at the stock limits: " + log.lines()
				.filter((line) -> line.contains("RLIMIT_MSGQUEUE"))
				.findFirst()
				.orElse("no plan logged"));
			assertThat(log)
				.contains("The 50 posix mailslot(s) of this application share the user's RLIMIT_MSGQUEUE "
						+ "of 819200 bytes: each of the 50 whose queue-capacity is 0 gets a queue of 1 message(s)")
				.doesNotContain("message(s) nobody read")
				.doesNotContain("Exception");
			assertThat(deadLetters).doesNotExist();
		}
		finally {
			application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static void assumeRootWithUtilLinux() throws IOException {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "another uid needs root");
		for (String tool : List.of("setpriv", "unshare", "prlimit")) {
			Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin", tool)), tool + " (util-linux)");
		}
		Assumptions.assumeFalse(
				Files.readAllLines(Path.of("/etc/passwd"))
					.stream()
					.anyMatch((line) -> line.matches("[^:]*:[^:]*:" + UID + ":.*")),
				"uid " + UID + " must have no passwd entry");
	}

	/**
	 * Return the last count each listener printed with the given word.
	 */
	private static Map<String, Integer> counts(Path output, String word) throws IOException {
		Map<String, Integer> counts = new TreeMap<>();
		for (String line : lines(output)) {
			Matcher matcher = COUNT.matcher(line);
			if (matcher.matches() && matcher.group(1).equals(word)) {
				counts.put(matcher.group(2), Integer.parseInt(matcher.group(3)));
			}
		}
		return counts;
	}

	private static List<String> lines(Path output) throws IOException {
		return Files.readAllLines(output);
	}

	/**
	 * Give another uid this JVM's class path: the build's local repository is root's
	 * alone, so each jar is linked (or copied) into a directory every user may read, and
	 * each directory copied.
	 */
	private static String readableClassPath(Path directory) throws IOException {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path source = Path.of(entry);
			if (!Files.exists(source)) {
				continue;
			}
			Path target = directory.resolve(entries.size() + "-" + source.getFileName());
			if (Files.isDirectory(source)) {
				try (Stream<Path> files = Files.walk(source)) {
					for (Path file : files.toList()) {
						Path copy = target.resolve(source.relativize(file).toString());
						Files.copy(file, copy);
						Files.setPosixFilePermissions(copy,
								PosixFilePermissions.fromString(Files.isDirectory(copy) ? "rwxr-xr-x" : "rw-r--r--"));
					}
				}
			}
			else {
				try {
					// The jars of the local repository are readable by all; only its
					// directories are not.
					Files.createLink(target, source);
				}
				catch (IOException | UnsupportedOperationException ex) {
					Files.copy(source, target);
					Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
				}
			}
			entries.add(target.toString());
		}
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		return String.join(File.pathSeparator, entries);
	}

}
