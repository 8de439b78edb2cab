package dev.mailslot.spring.listener;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.transport.unix.UnixMailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM to a plain Spring application (no Boot, the context's shutdown hook) in a
 * second JVM whose {@code @MailslotListener}, on the posix transport and on the unix one,
 * is slower than its shutdown timeout of 1 s, with messages waiting: a paused listener at
 * 5 s a message with 100 waiting, a paused batch listener at 5 s a batch of 50 with 2,000
 * waiting, and a batch listener with concurrency 2 busy in both calls with 2,000 waiting.
 * In every run, what the writer was told was accepted = what the listener saw + what went
 * to the dead-letter directory + what the mailslot still held for its close to delete
 * (which the close's own warning counts too), and the calls that had not returned when
 * the application exited are the ones its log counted in flight at shutdown.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotListenerShutdownEndToEndTests {

	private static final int RUNS = 3;

	private static final String END_OF_OUTPUT = "(end of output)";

	private static final Pattern IN_FLIGHT = Pattern.compile("has (\\d+) message\\(s\\) in flight at shutdown");

	/**
	 * The close's warning, whose count has the grouping separators of the locale
	 * ({@code 1,950}).
	 */
	private static final Pattern CLOSE_DELETES = Pattern.compile("deletes the (\\d[^ ]*) message\\(s\\) nobody read");

	@TempDir
	Path directory;

	@ParameterizedTest(name = "{0}, {1}, concurrency {2}, paused {3}, {4} written")
	@CsvSource({ "posix, single, 1, true, 100", "posix, batch, 1, true, 2000", "posix, batch, 2, false, 2000",
			"unix, single, 1, true, 100", "unix, batch, 1, true, 2000", "unix, batch, 2, false, 2000" })
	void sigtermAccountsForEveryAcceptedMessageInEveryRun(String transportId, String type, int concurrency,
			boolean paused, int count) throws Exception {
		Path unixDirectory = this.directory.resolve("s");
		MailslotTransport transport = transportId.equals("unix") ? UnixMailslotTransport.in(unixDirectory)
				: MailslotTransports.get(transportId);
		for (int run = 0; run < RUNS; run++) {
			String name = "\\\\.\\mailslot\\shutdown-e2e\\" + ProcessHandle.current().pid() + "-" + System.nanoTime();
			Path deadLetters = this.directory.resolve(type + "-" + concurrency + "-" + run);
			List<String> lines = new CopyOnWriteArrayList<>();
			Process application = start(transport, type, concurrency, paused, name, deadLetters, lines);
			try {
				await().atMost(Duration.ofSeconds(90)).until(() -> lines.contains("ready") || !application.isAlive());
				assertThat(application.isAlive()).as("the application started").isTrue();
				int accepted = write(transport, name, count);
				if (!paused) {
					await().atMost(Duration.ofSeconds(30)).until(() -> seenCalls(lines) == concurrency);
				}
				application.toHandle().destroy();
				assertThat(application.waitFor(90, TimeUnit.SECONDS)).as("ended by SIGTERM").isTrue();
				await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(END_OF_OUTPUT));
			}
			finally {
				application.destroyForcibly();
			}
			Account account = new Account(lines, deadLetters);
			System.out.printf(
					"SIGTERM run %d, %s, %s, concurrency %d, paused %s: accepted %d, seen %d (returned %d), "
							+ "dead-lettered %d, left at close %d, in flight at shutdown %s, close's own count %s%n",
					run, transportId, type, concurrency, paused, count, account.seen.size(), account.returned,
					account.deadLettered.size(), account.left, account.inFlight, account.closeDeleted);
			Set<Integer> both = new HashSet<>(account.seen);
			both.retainAll(account.deadLettered);
			assertThat(both).as("run %d: seen and dead-lettered", run).isEmpty();
			assertThat(account.seen.size() + account.deadLettered.size() + account.left)
				.as("run %d: seen + dead-lettered + left at close", run)
				.isEqualTo(count);
			assertThat(account.inFlight).as("run %d: logged in flight at shutdown", run)
				.isEqualTo(account.seen.size() - account.returned);
			assertThat(account.left).as("run %d: left in the mailslot", run).isPositive();
			assertThat(account.closeDeleted).as("run %d: the count the close logged", run).isEqualTo(account.left);
		}
	}

	/**
	 * Start the application in a second JVM on the transport (for unix, on the same
	 * socket directory).
	 */
	private Process start(MailslotTransport transport, String type, int concurrency, boolean paused, String name,
			Path deadLetters, List<String> lines) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (transport instanceof UnixMailslotTransport unix) {
			command.add("-Ddev.mailslot.unix.directory=" + unix.directory());
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), SlowListenerApplication.class.getName(),
				type, "--test.transport=" + transport.id(), "--test.servers.slow.name=" + name,
				"--test.listener.concurrency=" + concurrency, "--test.listener.shutdown-timeout=1s",
				"--test.listener.poll-timeout=100ms", "--test.listener.batch.max-size=50",
				"--test.listener.batch.max-wait=500ms", "--test.listener.dead-letter.directory=" + deadLetters,
				"--app.call-millis=5000", "--app.paused=" + paused));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					lines.add(line);
					if (!line.startsWith("seen ")) {
						System.out.println("[application] " + line);
					}
				}
			}
			catch (Exception ex) {
				lines.add("output failed: " + ex);
			}
			lines.add(END_OF_OUTPUT);
		});
		reader.setDaemon(true);
		reader.start();
		return process;
	}

	/**
	 * Write numbered messages from this JVM.
	 * @return how many writes were accepted
	 */
	private static int write(MailslotTransport transport, String name, int count) {
		int accepted = 0;
		try (MailslotClient client = transport.openClient(MailslotName.parse(name))) {
			for (int i = 0; i < count; i++) {
				client.write(ByteBuffer.allocate(4).putInt(i).array());
				accepted++;
			}
		}
		catch (MailslotException ex) {
			System.out.println("Writes stopped after " + accepted + ": " + ex);
		}
		return accepted;
	}

	private static long seenCalls(List<String> lines) {
		return lines.stream().filter((line) -> line.startsWith("seen ")).count();
	}

	/**
	 * What the application's output and its dead-letter directory say became of the
	 * messages.
	 */
	private static final class Account {

		final Set<Integer> seen = new HashSet<>();

		final Set<Integer> deadLettered = new HashSet<>();

		int returned;

		int left = -1;

		int inFlight;

		Integer closeDeleted;

		Account(List<String> lines, Path deadLetters) throws Exception {
			for (String line : lines) {
				if (line.startsWith("seen ")) {
					for (String number : line.substring(5).split(" ")) {
						assertThat(this.seen.add(Integer.parseInt(number))).as("seen once: %s", number).isTrue();
					}
				}
				else if (line.startsWith("returned ")) {
					this.returned += Integer.parseInt(line.substring(9));
				}
				else if (line.startsWith("left ")) {
					this.left = Integer.parseInt(line.substring(5));
				}
				Matcher inFlight = IN_FLIGHT.matcher(line);
				if (inFlight.find()) {
					this.inFlight += Integer.parseInt(inFlight.group(1));
				}
				Matcher closed = CLOSE_DELETES.matcher(line);
				if (closed.find()) {
					this.closeDeleted = Integer.parseInt(closed.group(1).replaceAll("\\D", ""));
				}
			}
			assertThat(this.left).as("the application printed what was left at close").isNotNegative();
			if (Files.isDirectory(deadLetters)) {
				List<Path> files = new ArrayList<>();
				try (Stream<Path> list = Files.list(deadLetters)) {
					list.filter((path) -> path.toString().endsWith(".bin")).forEach(files::add);
				}
				for (Path file : files) {
					int number = ByteBuffer.wrap(Files.readAllBytes(file)).getInt();
					assertThat(this.deadLettered.add(number)).as("dead-lettered once: %d", number).isTrue();
				}
			}
		}

	}

}
