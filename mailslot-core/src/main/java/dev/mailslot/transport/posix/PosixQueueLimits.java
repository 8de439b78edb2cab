package dev.mailslot.transport.posix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The system's message-queue limits, read from {@code /proc/sys/fs/mqueue}.
 *
 * @param msgMax most messages a queue may hold ({@code fs.mqueue.msg_max})
 * @param msgsizeMax largest message size in bytes ({@code fs.mqueue.msgsize_max})
 * @param msgDefault capacity of a queue created without one
 * ({@code fs.mqueue.msg_default})
 * @param queuesMax most queues on the system ({@code fs.mqueue.queues_max})
 */
record PosixQueueLimits(int msgMax, int msgsizeMax, int msgDefault, int queuesMax) {

	private static final Path DIRECTORY = Path.of("/proc/sys/fs/mqueue");

	/** The kernel's defaults, for systems that hide {@code /proc/sys/fs/mqueue}. */
	private static final PosixQueueLimits KERNEL_DEFAULTS = new PosixQueueLimits(10, 8192, 10, 256);

	static PosixQueueLimits current() {
		return new PosixQueueLimits(read("msg_max", KERNEL_DEFAULTS.msgMax),
				read("msgsize_max", KERNEL_DEFAULTS.msgsizeMax), read("msg_default", KERNEL_DEFAULTS.msgDefault),
				read("queues_max", KERNEL_DEFAULTS.queuesMax));
	}

	private static int read(String name, int fallback) {
		try {
			// Files.readString trusts the size procfs reports and can return a truncated
			// value.
			try (InputStream in = Files.newInputStream(DIRECTORY.resolve(name))) {
				return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
			}
		}
		catch (IOException | NumberFormatException ex) {
			return fallback;
		}
	}

}
