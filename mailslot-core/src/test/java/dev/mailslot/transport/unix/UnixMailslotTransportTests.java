package dev.mailslot.transport.unix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransportContractTests;
import dev.mailslot.MailslotTransports;

/**
 * The mailslot contract on the {@code unix} transport, on real Unix domain sockets. A
 * server asked for any message size takes {@link UnixWireFormat#DEFAULT_MAX_MESSAGE_SIZE}
 * and reports it. Nothing is relaxed. The suite runs in the default socket directory,
 * which its second JVM finds too; the lock files its unique names leave there are removed
 * at the end.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD })
class UnixMailslotTransportTests extends MailslotTransportContractTests {

	@Override
	protected MailslotTransport transport() {
		return MailslotTransports.get("unix");
	}

	/**
	 * Remove the lock files the suite's unique names leave (long names are hashed, so
	 * they are told by their prefix): those no server holds, taking each one's lock
	 * before its removal.
	 */
	@AfterAll
	static void removeTheLockFilesOfTheSuite() throws IOException {
		Path directory = UnixSocketDirectory.configured().path();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "contract*.lock")) {
			for (Path file : files) {
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
						FileLock lock = channel.tryLock()) {
					if (lock != null) {
						Files.delete(file);
					}
				}
				catch (OverlappingFileLockException ex) {
					// A server of this JVM still holds it.
				}
			}
		}
	}

	@Override
	protected int expectedMaxMessageSize(int asked) {
		return (asked != 0) ? asked : UnixWireFormat.DEFAULT_MAX_MESSAGE_SIZE;
	}

}
