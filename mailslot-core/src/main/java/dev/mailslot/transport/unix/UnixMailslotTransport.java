package dev.mailslot.transport.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;

/**
 * Same-host mailslots on Unix domain stream sockets, in plain JDK (JEP 380): one socket
 * per mailslot, in a directory private to the user ({@link UnixSocketDirectory}), named
 * as {@link UnixSocketNames} says, carrying frames as {@link UnixWireFormat} says.
 * <p>
 * A server takes its name with a lock on a file beside the socket
 * ({@link UnixSocketOwnership}), binds a socket under a temporary name, gives it its
 * mode, and renames it over the socket's name, replacing one that a server which is gone
 * left.
 */
public final class UnixMailslotTransport implements MailslotTransport {

	static final String ID = "unix";

	private final UnixSocketDirectory directory;

	private UnixMailslotTransport(UnixSocketDirectory directory) {
		this.directory = directory;
	}

	/**
	 * Return the transport on the directory of the system property
	 * {@value UnixSocketDirectory#PROPERTY}, or else {@code /tmp/mailslot-<uid>}.
	 * @return the transport
	 */
	public static UnixMailslotTransport configured() {
		return new UnixMailslotTransport(UnixSocketDirectory.configured());
	}

	/**
	 * Return the transport on a directory of its own.
	 * @param directory an absolute path of at most 42 bytes
	 * @return the transport
	 */
	public static UnixMailslotTransport in(Path directory) {
		return new UnixMailslotTransport(new UnixSocketDirectory(directory));
	}

	/**
	 * Return the transport on a directory that a setting gives, which errors about the
	 * directory name as what to change.
	 * @param directory an absolute path of at most 42 bytes
	 * @param setting what set it, such as a configuration property
	 * @return the transport
	 * @throws dev.mailslot.MailslotException if the path is not absolute or too long
	 */
	public static UnixMailslotTransport in(Path directory, String setting) {
		return new UnixMailslotTransport(new UnixSocketDirectory(directory, setting));
	}

	@Override
	public String id() {
		return ID;
	}

	/**
	 * Return the directory of the sockets.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory.path();
	}

	@Override
	public MailslotServer createServer(MailslotServerOptions options) {
		MailslotName name = options.name();
		if ((options.mode() & 07) != 0 && !options.allowWorldAccess()) {
			throw new MailslotException(name, "Mode 0" + Integer.toOctalString(options.mode()) + " of mailslot " + name
					+ " lets every user of this host at its socket: any of them could send it messages it does not "
					+ "expect; refused. Give a mode whose last digit is 0, such as 0620 with the writers in the "
					+ "socket's group, or allow it explicitly (MailslotServerOptions.Builder.allowWorldAccess) if "
					+ "every user is meant to");
		}
		Path socket = this.directory.socket(name);
		this.directory.prepare(name, options.mode());
		UnixSocketOwnership ownership = UnixSocketOwnership.acquire(name, this.directory.lock(name));
		ServerSocketChannel channel = null;
		try {
			channel = bind(socket, options.mode());
			int maxMessageSize = (options.maxMessageSize() != 0) ? options.maxMessageSize()
					: UnixWireFormat.DEFAULT_MAX_MESSAGE_SIZE;
			return new UnixMailslotServer(ID, options, maxMessageSize, socket, channel, ownership);
		}
		catch (IOException | RuntimeException ex) {
			if (channel != null) {
				try {
					channel.close();
				}
				catch (IOException closing) {
					ex.addSuppressed(closing);
				}
			}
			ownership.close();
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new MailslotException(name, "Cannot create the socket " + socket + " of mailslot " + name + ": " + ex,
					ex);
		}
	}

	/**
	 * Bind a socket under a temporary name, give it its mode, then rename it over the
	 * mailslot's, so that no writer ever finds the socket with another mode, nor no
	 * socket while a stale one is replaced.
	 */
	private ServerSocketChannel bind(Path socket, int mode) throws IOException {
		Path temporary = socket
			.resolveSibling(".b" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
		ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			channel.bind(UnixDomainSocketAddress.of(temporary), UnixConnections.MAX_CONNECTIONS);
			Files.setPosixFilePermissions(temporary, permissions(mode));
			Files.move(temporary, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return channel;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temporary);
			channel.close();
			throw ex;
		}
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = PosixFilePermission.values();
		for (int i = 0; i < 9; i++) {
			if ((mode & (0400 >> i)) != 0) {
				permissions.add(bits[i]);
			}
		}
		return permissions;
	}

	@Override
	public MailslotClient openClient(MailslotName name) {
		return UnixMailslotClient.open(name, this.directory.socket(name));
	}

}
