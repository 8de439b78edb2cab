package dev.mailslot.transport.unix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;
import dev.mailslot.spi.LocalMailslotPaths;

/**
 * Maps a mailslot name to the file name of its socket in the transport's directory. The
 * mapping is part of the transport's contract, so that a program in any language can
 * write to a mailslot:
 * <ol>
 * <li>take the path below {@code \mailslot\} and lower-case it ({@code app\orders} for
 * {@code \\.\mailslot\App\Orders});</li>
 * <li>encode it as UTF-8 and replace every byte outside {@code 0x21..0x7E}, and every
 * {@code %}, {@code \} and {@code /}, by {@code %} and two upper-case hex digits
 * ({@code app%5Corders}), as the posix transport names its queues;</li>
 * <li>if that has more than {@value #MAX_PLAIN_LENGTH} characters, keep its first
 * {@value #KEPT_LENGTH}, then {@code ~}, then the first 16 hex digits (lower case) of the
 * SHA-256 of the whole encoded path, so that every socket path fits the 104 bytes of
 * macOS' {@code sun_path}.</li>
 * </ol>
 * The server's lock file is the socket's name with {@code .lock} after it.
 */
public final class UnixSocketNames {

	/** Longest file name kept as it is. */
	public static final int MAX_PLAIN_LENGTH = 60;

	/** Characters of a longer encoded path kept before its hash. */
	public static final int KEPT_LENGTH = 43;

	/** What a lock file's name ends with. */
	public static final String LOCK_SUFFIX = ".lock";

	private UnixSocketNames() {
	}

	/**
	 * Return the file name of a local mailslot's socket.
	 * @param name the mailslot name
	 * @return the file name, for example {@code app%5Corders}
	 * @throws InvalidMailslotNameException if the name is remote
	 */
	public static String fileName(MailslotName name) {
		String encoded = LocalMailslotPaths.encodedPath(name, "unix");
		if (encoded.length() <= MAX_PLAIN_LENGTH) {
			return encoded;
		}
		return encoded.substring(0, KEPT_LENGTH) + "~" + sha256(encoded).substring(0, 16);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
