package dev.mailslot.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.transport.unix.UnixMailslotTransport;

/**
 * The transport of a Boot application in a second JVM, for the tests that run it on posix
 * and on unix: the arguments that choose it (for unix, with a socket directory of the
 * test's own, never the user's default) and the transport this JVM writes with.
 *
 * @param id the transport's id
 * @param unixDirectory the unix transport's socket directory, null for posix
 */
record ApplicationTransport(String id, @Nullable Path unixDirectory) {

	/**
	 * Return the transport of an id, with its sockets, for unix, in a directory {@code s}
	 * of a temporary directory.
	 */
	static ApplicationTransport of(String id, Path temporary) {
		return new ApplicationTransport(id, id.equals("unix") ? temporary.resolve("s") : null);
	}

	/**
	 * Return the application's arguments that choose the transport.
	 */
	List<String> arguments() {
		return (this.unixDirectory != null)
				? List.of("--mailslot.transport=" + this.id, "--mailslot.unix.directory=" + this.unixDirectory)
				: List.of("--mailslot.transport=" + this.id);
	}

	/**
	 * Return the transport this JVM writes to the application with.
	 */
	MailslotTransport client() {
		return (this.unixDirectory != null) ? UnixMailslotTransport.in(this.unixDirectory)
				: MailslotTransports.get(this.id);
	}

	/**
	 * Return the simple name of the transport's server class, which logs what a closing
	 * server deletes.
	 */
	String serverClass() {
		return (this.unixDirectory != null) ? "UnixMailslotServer" : "PosixMailslotServer";
	}

}
