package dev.mailslot.spring.core;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's reply mailslot fits where the application's mailslots have taken most of
 * the user's {@code RLIMIT_MSGQUEUE}, as a Boot application's planned queues do: a second
 * JVM, as a uid of its own in an IPC namespace of its own (stock sysctls), whose limit
 * leaves room for a queue of one message beside its default one, but not for a second
 * default one.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotTemplateReplyMailslotBudgetTests {

	/**
	 * A uid that no other test uses, so that no other process's queues share its limit.
	 */
	private static final String UID = "40027";

	/** What a queue of the stock default takes: 10 x (8,192 + 96) bytes. */
	private static final long DEFAULT_QUEUE = 82_880;

	/** What a queue of one message of the stock largest size takes: 8,192 + 96 bytes. */
	private static final long ONE_MESSAGE_QUEUE = 8_288;

	@Test
	void aRequestFindsRoomForItsReplyMailslotBesideADefaultQueue(@TempDir Path temp) throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "another uid needs root");
		for (String tool : List.of("setpriv", "unshare", "prlimit")) {
			Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin", tool)), tool + " (util-linux)");
		}
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path tmp = Files.createDirectory(temp.resolve("tmp"));
		Files.setOwner(tmp, tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UID));
		long limit = DEFAULT_QUEUE + ONE_MESSAGE_QUEUE + 1_000;
		Process process = new ProcessBuilder("unshare", "--ipc", "prlimit", "--msgqueue=" + limit + ":" + limit,
				"setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
				"-Djava.io.tmpdir=" + tmp, "-cp", readableClassPath(Files.createDirectory(temp.resolve("classes"))),
				ReplyMailslotRequestProcess.class.getName(), "\\\\.\\mailslot\\budget-service")
			.redirectError(temp.resolve("stderr.txt").toFile())
			.start();
		String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(answer).as(Files.readAllLines(temp.resolve("stderr.txt")).toString()).isEqualTo("no reply");
	}

	/**
	 * Copy this JVM's class path to a directory every user may read: the build's local
	 * repository is root's alone.
	 */
	private static String readableClassPath(Path directory) throws Exception {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path source = Path.of(entry);
			if (!Files.exists(source)) {
				continue;
			}
			Path target = directory.resolve(entries.size() + "-" + source.getFileName());
			try (Stream<Path> paths = Files.walk(source)) {
				for (Path path : (Iterable<Path>) paths::iterator) {
					Path copy = target.resolve(source.relativize(path).toString());
					Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(copy,
							PosixFilePermissions.fromString(Files.isDirectory(copy) ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
			entries.add(target.toString());
		}
		return String.join(File.pathSeparator, entries);
	}

}
