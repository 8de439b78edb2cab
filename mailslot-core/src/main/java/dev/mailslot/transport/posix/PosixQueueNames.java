package dev.mailslot.transport.posix;

import java.nio.charset.StandardCharsets;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;

/**
 * Maps a mailslot name to the POSIX message queue that holds it. The mapping is part of the
 * transport's contract, so that a program in any language can write to a mailslot:
 * <ol>
 * <li>take the path below {@code \mailslot\} ({@code App\Orders} in
 * {@code \\.\mailslot\App\Orders});</li>
 * <li>lower-case it ({@code app\orders}; Java's {@code toLowerCase(Locale.ROOT)}, which for ASCII
 * is {@code A-Z} to {@code a-z});</li>
 * <li>encode it as UTF-8 and replace every byte outside {@code 0x21..0x7E}, and every {@code %},
 * {@code \} and {@code /}, by {@code %} and two upper-case hex digits ({@code app%5Corders});</li>
 * <li>put {@value #PREFIX} in front: {@code /mailslot.app%5Corders}.</li>
 * </ol>
 * The encoded path may have at most {@value #MAX_ENCODED_LENGTH} bytes.
 */
public final class PosixQueueNames {

	/** What every queue name of the transport starts with. */
	public static final String PREFIX = "/mailslot.";

	/** Longest encoded path, so that queue and lock-file names stay within NAME_MAX. */
	public static final int MAX_ENCODED_LENGTH = 240;

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private PosixQueueNames() {
	}

	/**
	 * Return the queue name of a local mailslot.
	 * @param name the mailslot name
	 * @return the queue name, for example {@code /mailslot.app%5Corders}
	 * @throws InvalidMailslotNameException if the name is remote or its encoded path is too long
	 */
	public static String queueName(MailslotName name) {
		if (!name.isLocal()) {
			throw new InvalidMailslotNameException(name.toString(), "Invalid mailslot name '" + name
					+ "': the posix transport carries only names on this host (\\\\.\\mailslot\\...); enable the "
					+ "network transport for remote names");
		}
		String encoded = encode(name.canonicalPath());
		if (encoded.length() > MAX_ENCODED_LENGTH) {
			throw new InvalidMailslotNameException(name.toString(), "Invalid mailslot name '" + name
					+ "': its queue name would have " + encoded.length() + " bytes after '" + PREFIX
					+ "', more than the " + MAX_ENCODED_LENGTH + " the posix transport allows; shorten the path");
		}
		return PREFIX + encoded;
	}

	static String encode(String canonicalPath) {
		byte[] bytes = canonicalPath.getBytes(StandardCharsets.UTF_8);
		StringBuilder encoded = new StringBuilder(bytes.length + 16);
		for (byte b : bytes) {
			int c = b & 0xFF;
			if (c < 0x21 || c > 0x7E || c == '%' || c == '\\' || c == '/') {
				encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
			else {
				encoded.append((char) c);
			}
		}
		return encoded.toString();
	}

}
