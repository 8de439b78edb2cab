package dev.mailslot.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransports;

/**
 * The writer process of the end-to-end benchmarks: a separate JVM that writes to a
 * mailslot through a {@link MailslotClient}, stamping each message with
 * {@link System#nanoTime()} in its first eight bytes (on Linux the monotonic clock, which
 * every process on the host shares).
 * <p>
 * {@code burst TRANSPORT NAME SIZE}: for each line {@code N} on standard input, write
 * {@code N} messages as fast as the mailslot takes them, then print {@code sent N}.
 * <p>
 * {@code rate TRANSPORT NAME SIZE PER_SECOND}: write at a fixed rate until standard input
 * ends, then print how many messages were sent and how far the writer fell behind its
 * schedule at most.
 */
public final class MailslotWriterMain {

	private MailslotWriterMain() {
	}

	public static void main(String[] args) throws IOException {
		String mode = args[0];
		MailslotName name = MailslotName.parse(args[2]);
		ByteBuffer message = ByteBuffer.allocate(Integer.parseInt(args[3]));
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		PrintStream out = System.out;
		try (MailslotClient client = MailslotTransports.get(args[1]).openClient(name)) {
			out.println("ready");
			out.flush();
			if (mode.equals("burst")) {
				writeBursts(client, message, commands, out);
			}
			else {
				writeAtRate(client, message, Integer.parseInt(args[4]), commands, out);
			}
		}
	}

	private static void writeBursts(MailslotClient client, ByteBuffer message, BufferedReader commands, PrintStream out)
			throws IOException {
		String line;
		while ((line = commands.readLine()) != null) {
			long count = Long.parseLong(line.trim());
			for (long i = 0; i < count; i++) {
				write(client, message);
			}
			out.println("sent " + count);
			out.flush();
		}
	}

	private static void writeAtRate(MailslotClient client, ByteBuffer message, int perSecond, BufferedReader commands,
			PrintStream out) throws IOException {
		Thread watcher = new Thread(() -> {
			try {
				while (commands.readLine() != null) {
					// Standard input ending is the signal to stop.
				}
			}
			catch (IOException ex) {
				// Stop as at the end of input.
			}
		}, "stdin-watcher");
		watcher.setDaemon(true);
		watcher.start();
		long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long next = System.nanoTime();
		long sent = 0;
		long maxLag = 0;
		while (watcher.isAlive()) {
			long now = System.nanoTime();
			if (now < next) {
				LockSupport.parkNanos(next - now);
				continue;
			}
			maxLag = Math.max(maxLag, now - next);
			write(client, message);
			sent++;
			next += period;
		}
		out.println("sent " + sent + " max-lag-us " + TimeUnit.NANOSECONDS.toMicros(maxLag));
		out.flush();
	}

	private static void write(MailslotClient client, ByteBuffer message) {
		message.clear();
		message.putLong(0, System.nanoTime());
		client.write(message);
	}

}
