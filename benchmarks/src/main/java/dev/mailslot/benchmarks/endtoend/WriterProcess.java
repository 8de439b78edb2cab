package dev.mailslot.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotName;

/**
 * A writer in a process of its own: a {@link MailslotWriterMain} in a JVM started with
 * this JVM's java command and class path, or the C writer of {@link NativePeer}, which
 * speaks the same {@code burst} protocol.
 */
final class WriterProcess implements AutoCloseable {

	private final Process process;

	private final PrintStream commands;

	private final BufferedReader replies;

	private WriterProcess(Process process) {
		this.process = process;
		this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
		this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		expect("ready");
	}

	/**
	 * Start a writer that writes bursts on request ({@link #burst(long)}).
	 */
	static WriterProcess burst(String transport, MailslotName name, int size) {
		return start(List.of("burst", transport, name.toString(), Integer.toString(size)));
	}

	/**
	 * Start the C writer, which writes bursts on request as
	 * {@link #burst(String, MailslotName, int)}'s does.
	 */
	static WriterProcess nativeBurst(MailslotName name, int size) {
		return run(NativePeer.writer(name, size));
	}

	/**
	 * Start a writer that writes at a fixed rate until it is closed.
	 */
	static WriterProcess atRate(String transport, MailslotName name, int size, int perSecond) {
		return start(List.of("rate", transport, name.toString(), Integer.toString(size), Integer.toString(perSecond)));
	}

	/**
	 * Start the C writer at a fixed rate, as
	 * {@link #atRate(String, MailslotName, int, int)}'s writes.
	 */
	static WriterProcess nativeAtRate(MailslotName name, int size, int perSecond) {
		return run(NativePeer.rateWriter(name, size, perSecond));
	}

	private static WriterProcess start(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(MailslotWriterMain.class.getName());
		command.addAll(arguments);
		return run(command);
	}

	private static WriterProcess run(List<String> command) {
		try {
			return new WriterProcess(
					new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Ask for {@code count} messages; returns at once, the writer writes them in the
	 * background.
	 */
	void burst(long count) {
		this.commands.println(count);
	}

	/**
	 * Wait for the writer to report that the burst asked for has been written.
	 */
	void awaitSent(long count) {
		expect("sent " + count);
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * End the writer's input, which ends it, and return its last report, if any.
	 */
	@Nullable String stop() {
		this.commands.close();
		try {
			String report = this.replies.readLine();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			return report;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
			return null;
		}
	}

	private void expect(String reply) {
		expect(this.replies, reply, "Writer process");
	}

	/**
	 * Read the next line a peer process printed and check that it is {@code reply}.
	 */
	static void expect(BufferedReader replies, String reply, String peer) {
		try {
			String line = replies.readLine();
			if (!reply.equals(line)) {
				throw new IllegalStateException(peer + " replied '" + line + "', not '" + reply + "'");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
