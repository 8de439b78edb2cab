package dev.mailslot.benchmarks.endtoend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mailslot.MailslotName;
import dev.mailslot.transport.posix.PosixQueueNames;

/**
 * The command lines of {@code mq_peer}, the C writer and reader of a mailslot's POSIX
 * message queue ({@code benchmarks/src/main/c/mq_peer.c}), which
 * {@code benchmarks/ceiling.sh} builds into {@code benchmarks/target} (or the directory
 * of the {@code benchmarks.native-dir} system property).
 */
final class NativePeer {

	private NativePeer() {
	}

	/**
	 * A C writer that, like {@link MailslotWriterMain}'s {@code burst} mode, writes
	 * {@code N} messages of {@code size} bytes for each line {@code N} and replies
	 * {@code sent N}.
	 */
	static List<String> writer(MailslotName name, int size) {
		return command("write", PosixQueueNames.queueName(name), Integer.toString(size));
	}

	/**
	 * A C writer that, like {@link MailslotWriterMain}'s {@code rate} mode, writes
	 * {@code perSecond} stamped messages a second until its input ends, then reports.
	 */
	static List<String> rateWriter(MailslotName name, int size, int perSecond) {
		return command("rate", PosixQueueNames.queueName(name), Integer.toString(size), Integer.toString(perSecond));
	}

	/**
	 * A C reader that creates the mailslot's queue, owns it as a posix server does, and
	 * prints {@code received N} after every {@code burst} messages.
	 */
	static List<String> reader(MailslotName name, int size, int burst) {
		return command("read", PosixQueueNames.queueName(name), Integer.toString(size), Integer.toString(burst));
	}

	private static List<String> command(String... arguments) {
		Path program = Path.of(System.getProperty("benchmarks.native-dir", "benchmarks/target")).resolve("mq_peer");
		if (!Files.isExecutable(program)) {
			throw new IllegalStateException("No " + program.toAbsolutePath() + ": run the benchmarks with "
					+ "benchmarks/run.sh, which builds it, or build it with gcc -O2 -o " + program
					+ " benchmarks/src/main/c/mq_peer.c -lrt");
		}
		List<String> command = new ArrayList<>(List.of(program.toString()));
		command.addAll(List.of(arguments));
		return command;
	}

}
