package dev.mailslot.transport.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link NetworkReceiverProcess} in a JVM of {@code -Xmx64m}, and what it printed: the
 * messages it read, by the start of their text, and its statistics on request.
 */
final class SmallHeapReceiver implements AutoCloseable {

	private final Process process;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final Map<String, Integer> received = new ConcurrentHashMap<>();

	private final int port;

	SmallHeapReceiver() throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		this.process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
				NetworkReceiverProcess.class.getName())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		Thread pump = new Thread(this::pump, "small-heap-receiver-output");
		pump.setDaemon(true);
		pump.start();
		String ready = this.lines.poll(60, TimeUnit.SECONDS);
		if (ready == null || !ready.startsWith("port ")) {
			throw new IllegalStateException("The receiver's JVM did not start: " + ready);
		}
		this.port = Integer.parseInt(ready.substring("port ".length()));
	}

	private void pump() {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.US_ASCII))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			this.lines.add("output failed: " + ex);
		}
	}

	int port() {
		return this.port;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Take what the receiver printed within the given time, and return how many messages
	 * it has read whose text starts with the prefix.
	 */
	int received(String prefix, long millis) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
			String line = this.lines.poll(left, TimeUnit.MILLISECONDS);
			if (line == null) {
				break;
			}
			take(line);
		}
		return receivedSoFar(prefix);
	}

	private int receivedSoFar(String prefix) {
		return this.received.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(prefix))
			.mapToInt(Map.Entry::getValue)
			.sum();
	}

	private void take(String line) {
		if (line.startsWith("received ")) {
			this.received.merge(line.substring("received ".length()), 1, Integer::sum);
		}
	}

	/**
	 * Return every message read so far.
	 */
	int receivedInAll() {
		return this.received.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * Ask for the receiver's statistics, taking what it printed before them.
	 */
	NetworkStatistics statistics() throws InterruptedException {
		try {
			OutputStream input = this.process.getOutputStream();
			input.write("statistics\n".getBytes(StandardCharsets.US_ASCII));
			input.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		while (true) {
			String line = this.lines.poll(30, TimeUnit.SECONDS);
			if (line == null) {
				throw new IllegalStateException("The receiver printed no statistics within 30 s");
			}
			if (line.startsWith("statistics ")) {
				return parse(line.split(" "));
			}
			take(line);
		}
	}

	private static NetworkStatistics parse(String[] fields) {
		Map<String, Long> dropped = new HashMap<>();
		if (!fields[3].equals("-")) {
			for (String drop : fields[3].split(",")) {
				String[] reasonAndCount = drop.split("=");
				dropped.put(reasonAndCount[0], Long.parseLong(reasonAndCount[1]));
			}
		}
		return new NetworkStatistics(Long.parseLong(fields[1]), Long.parseLong(fields[2]), dropped, true);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

}
