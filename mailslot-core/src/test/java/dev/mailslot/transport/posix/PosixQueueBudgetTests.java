package dev.mailslot.transport.posix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.mailslot.MailslotName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a queue takes of {@code RLIMIT_MSGQUEUE}: the arithmetic, held to what the kernel
 * refuses, and the limit as this process reads it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PosixQueueBudgetTests {

	/**
	 * A uid that no other test uses, so that no other process's queues share its limit.
	 */
	private static final String UID = "40026";

	private final PosixQueueBudget stock = PosixQueueBudget.of(819_200, 10, 8192, 10);

	@Test
	void aQueueReservesItsCapacityTimesItsMessageSizeAnd96BytesAMessage() {
		assertThat(PosixQueueBudget.queueBytes(10, 8192)).isEqualTo(82_880);
		assertThat(PosixQueueBudget.queueBytes(1, 64)).isEqualTo(160);
		assertThat(PosixQueueBudget.queueBytes(0, 8192)).isZero();
	}

	@Test
	void queuesShareTheLimitWithTheLargestCapacityWithWhichAllFit() {
		assertThat(this.stock.sharedCapacity(819_200, Collections.nCopies(9, 8192))).isEqualTo(10);
		assertThat(this.stock.sharedCapacity(819_200, Collections.nCopies(10, 8192))).isEqualTo(9);
		assertThat(this.stock.sharedCapacity(819_200, Collections.nCopies(12, 8192))).isEqualTo(8);
		assertThat(this.stock.sharedCapacity(819_200, Collections.nCopies(50, 8192))).isEqualTo(1);
		assertThat(this.stock.sharedCapacity(819_200, Collections.nCopies(99, 8192))).isZero();
		assertThat(this.stock.sharedCapacity(819_200, List.of(64, 8192))).isEqualTo(10);
		assertThat(this.stock.sharedCapacity(-1, List.of(64))).isZero();
	}

	@Test
	void aMessageSizeOfZeroIsTheSystemsLargestAndTheDefaultCapacityAtMostTheMaximum() {
		assertThat(this.stock.messageSize(0)).isEqualTo(8192);
		assertThat(this.stock.messageSize(100)).isEqualTo(100);
		assertThat(PosixQueueBudget.of(819_200, 5, 8192, 10).defaultCapacity()).isEqualTo(5);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void theLimitIsThisProcesssSoftLimit() throws Exception {
		Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(ProcessHandle.current().pid()),
				"--msgqueue", "--raw", "--noheadings", "--output=SOFT")
			.start();
		String soft = new String(prlimit.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
		assertThat(prlimit.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(PosixQueueBudget.current().limit())
			.isEqualTo(soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft));
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void theKernelTakesAQueueOfExactlyItsBytesAndRefusesOneByteLess(@TempDir Path temp) throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "another uid needs root");
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux)");
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		String classPath = PosixProcesses.readableClassPath(Files.createDirectory(temp.resolve("classes")));
		// ServerProcess asks for messages of up to 256 bytes and the default capacity.
		long bytes = PosixQueueBudget.queueBytes(PosixQueueBudget.current().defaultCapacity(), 256);
		assertThat(createAs(classPath, bytes)).isEqualTo("created");
		assertThat(createAs(classPath, bytes - 1)).startsWith("SystemLimitException: ")
			.contains("this one " + bytes + ", and all queues of the user share the limit (" + (bytes - 1)
					+ " bytes for this process)");
	}

	/**
	 * Create a queue in a second JVM, as a uid of its own in an IPC namespace of its own,
	 * under the given {@code RLIMIT_MSGQUEUE}.
	 */
	private static String createAs(String classPath, long limit) throws Exception {
		MailslotName name = MailslotName.local("budget-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		Process process = new ProcessBuilder("unshare", "--ipc", "prlimit", "--msgqueue=" + limit + ":" + limit,
				"setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData", "-cp",
				classPath, ServerProcess.class.getName(), name.toString(), "try")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String line = PosixProcesses.firstLine(process);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return line;
	}

}
