package dev.mailslot.spring.listener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
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

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Dead letters may hold private messages: the directory and files are the owner's alone, a
 * directory others control is refused, and a full disk leaves no partial file behind. Real parts:
 * POSIX permissions, another user ({@code nobody}) and a full tmpfs, the last two as root.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "POSIX permissions, chown and tmpfs")
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterDirectoryErrorHandlerTests {

	@TempDir
	Path temp;

	private static Message<byte[]> message(byte[] payload) {
		return MessageBuilder.withPayload(payload).setHeader(MailslotHeaders.MAILSLOT, "\\\\.\\mailslot\\orders").build();
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
		assertThat(output).contains("could NOT be kept").contains("Its bytes in Base64: " + Base64.getEncoder()
			.encodeToString(new byte[] { 7 }));
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
		UserPrincipal nobody = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
		Files.setOwner(directory, nobody);
		assertThatIllegalStateException().isThrownBy(new DeadLetterDirectoryErrorHandler(directory)::checkDirectory)
			.withMessageContaining("it belongs to nobody, not to root");
	}

	@Test
	void aFullDiskLeavesNoFileBehindAndTheMessageGoesToTheLog(CapturedOutput output) throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
		Path mount = Files.createDirectory(this.temp.resolve("full"));
		run("mount", "-t", "tmpfs", "-o", "size=16k,mode=0700", "tmpfs", mount.toString());
		try {
			byte[] large = new byte[64 * 1024];
			large[0] = 42;
			new DeadLetterDirectoryErrorHandler(mount).handleError(message(large), new IllegalStateException("boom"), 1);
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
