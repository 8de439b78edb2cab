package dev.mailslot.spring.listener;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.test.CapturedOutput;
import dev.mailslot.spring.test.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Dead letters may hold private messages: the directory and files are the owner's alone,
 * a directory others control is refused, and a full disk leaves no partial file behind.
 * Real parts: POSIX permissions, another user ({@code nobody}), a second JVM run as a uid
 * without a passwd entry ({@code setpriv}), and a full tmpfs, the last three as root.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "POSIX permissions, chown and tmpfs")
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterDirectoryErrorHandlerTests {

	/** A uid without a passwd entry, as containers run with. */
	private static final String NO_PASSWD_UID = "40002";

	@TempDir
	Path temp;

	private static Message<byte[]> message(byte[] payload) {
		return MessageBuilder.withPayload(payload)
			.setHeader(MailslotHeaders.MAILSLOT, "\\\\.\\mailslot\\orders")
			.build();
	}

	private static List<Path> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.toList();
		}
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	@Test
	void theDirectoryIsCreatedForTheOwnerAloneAndSoAreItsFiles() throws Exception {
		Path directory = this.temp.resolve("dead-letters");
		new DeadLetterDirectoryErrorHandler(directory).handleError(message(new byte[] { 1, 2 }),
				new IllegalStateException("boom"), 3);
		assertThat(permissions(directory)).isEqualTo("rwx------");
		List<Path> files = files(directory);
		assertThat(files).hasSize(2).allSatisfy((file) -> {
			assertThat(permissions(file)).isEqualTo("rw-------");
			assertThat(file.getFileName().toString()).doesNotEndWith(".tmp");
		});
		assertThat(files).anySatisfy((file) -> assertThat(file).hasBinaryContent(new byte[] { 1, 2 }));
	}

	@Test
	void aDirectoryOthersMayWriteToIsRefusedAndTheMessageGoesToTheLog(CapturedOutput output) throws Exception {
		Path directory = Files.createDirectory(this.temp.resolve("shared"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
		DeadLetterDirectoryErrorHandler handler = new DeadLetterDirectoryErrorHandler(directory);
		assertThatIllegalStateException().isThrownBy(handler::checkDirectory)
			.withMessageContaining("others may write to it (rwxrwxrwx)")
			.withMessageContaining("chmod 700 " + directory);
		handler.handleError(message(new byte[] { 7 }), new IllegalStateException("boom"), 1);
		assertThat(files(directory)).isEmpty();
		assertThat(output).contains("could NOT be kept")
			.contains("Its bytes in Base64: " + Base64.getEncoder().encodeToString(new byte[] { 7 }));
	}

	@Test
	void aSymbolicLinkInPlaceOfTheDirectoryIsRefused() throws Exception {
		Path target = Files.createDirectory(this.temp.resolve("elsewhere"));
		Path link = Files.createSymbolicLink(this.temp.resolve("dead-letters"), target);
		assertThatIllegalStateException().isThrownBy(new DeadLetterDirectoryErrorHandler(link)::checkDirectory)
			.withMessageContaining("it is not a directory (or it is a symbolic link)");
	}

	@Test
	void aDirectoryOfAnotherUserIsRefused() throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
		Path directory = Files.createDirectory(this.temp.resolve("theirs"));
		UserPrincipal nobody = directory.getFileSystem()
			.getUserPrincipalLookupService()
			.lookupPrincipalByName("nobody");
		Files.setOwner(directory, nobody);
		assertThatIllegalStateException().isThrownBy(new DeadLetterDirectoryErrorHandler(directory)::checkDirectory)
			.withMessageContaining("it belongs to nobody (uid 65534), not to this process's uid 0");
	}

	@Test
	void aUidWithoutAPasswdEntryKeepsItsDeadLettersInTheDirectoryItMade() throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "another uid needs root");
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux)");
		Assumptions.assumeFalse(
				Files.readAllLines(Path.of("/etc/passwd"))
					.stream()
					.anyMatch((line) -> line.matches("[^:]*:[^:]*:" + NO_PASSWD_UID + ":.*")),
				"uid " + NO_PASSWD_UID + " must have no passwd entry");
		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path home = Files.createDirectory(this.temp.resolve("home"));
		UserPrincipal uid = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(NO_PASSWD_UID);
		Files.setOwner(home, uid);
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
		Path rootsDirectory = Files.createDirectory(this.temp.resolve("roots"));
		Path deadLetters = home.resolve("dead-letters");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder("setpriv", "--reuid=" + NO_PASSWD_UID, "--regid=" + NO_PASSWD_UID,
				"--clear-groups", java, "-XX:-UsePerfData", "-Duser.home=" + home, "-cp",
				readableClassPath(Files.createDirectory(this.temp.resolve("classes"))),
				DeadLetterProcess.class.getName(), deadLetters.toString(), rootsDirectory.toString())
			.directory(home.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		List<String> kept = new ArrayList<>();
		if (Files.isDirectory(deadLetters)) {
			for (Path file : files(deadLetters)) {
				if (file.toString().endsWith(".bin")) {
					kept.add(Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		System.out.println("Dead letters as uid " + NO_PASSWD_UID + " without a passwd entry: " + kept.size()
				+ " of 2 kept in the directory it made, " + (2 - kept.size()) + " only in the log in Base64");
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("user.name=?")
			.doesNotContain("could NOT be kept")
			.contains("own directory at start-up: accepted")
			.contains("other uid's directory at start-up: refused: Dead-letter directory " + rootsDirectory
					+ " is refused: it belongs to root (uid 0), not to this process's uid " + NO_PASSWD_UID);
		assertThat(kept).containsExactlyInAnyOrder("first", "second");
		assertThat(Files.getAttribute(deadLetters, "unix:uid")).isEqualTo(Integer.parseInt(NO_PASSWD_UID));
	}

	/**
	 * Copy what {@link DeadLetterProcess} needs of this JVM's class path (this module's
	 * classes, mailslot-core, Spring and its logging) where the other uid can read it.
	 * @return the class path of the copy
	 */
	private static String readableClassPath(Path directory) throws IOException {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path source = Path.of(entry);
			String name = source.getFileName().toString();
			boolean needed = Files.isDirectory(source) || name.startsWith("spring-") || name.startsWith("mailslot-")
					|| name.startsWith("commons-logging") || name.startsWith("micrometer-");
			if (needed && Files.exists(source)) {
				Path copy = directory.resolve(entries.size() + "-" + name);
				try (Stream<Path> files = Files.walk(source)) {
					for (Path file : files.toList()) {
						Files.copy(file, copy.resolve(source.relativize(file).toString()));
					}
				}
				entries.add(copy.toString());
			}
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.toList()) {
				Files.setPosixFilePermissions(file,
						PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	@Test
	void aFullDiskLeavesNoFileBehindAndTheMessageGoesToTheLog(CapturedOutput output) throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
		Path mount = Files.createDirectory(this.temp.resolve("full"));
		run("mount", "-t", "tmpfs", "-o", "size=16k,mode=0700", "tmpfs", mount.toString());
		try {
			byte[] large = new byte[64 * 1024];
			large[0] = 42;
			new DeadLetterDirectoryErrorHandler(mount).handleError(message(large), new IllegalStateException("boom"),
					1);
			assertThat(files(mount)).isEmpty();
			assertThat(output).contains("could NOT be kept in " + mount)
				.contains(Base64.getEncoder().encodeToString(large));
		}
		finally {
			run("umount", mount.toString());
		}
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
	}

}
