package dev.mailslot.transport.posix;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;
import dev.mailslot.spi.LocalMailslotPaths;

/**
 * Maps a mailslot name to the POSIX message queue that holds it. The mapping is part of
 * the transport's contract, so that a program in any language can write to a mailslot:
 * <ol>
 * <li>take the path below {@code \mailslot\} ({@code App\Orders} in
 * {@code \\.\mailslot\App\Orders});</li>
 * <li>lower-case it ({@code app\orders}; Java's {@code toLowerCase(Locale.ROOT)}, which
 * for ASCII is {@code A-Z} to {@code a-z});</li>
 * <li>encode it as UTF-8 and replace every byte outside {@code 0x21..0x7E}, and every
 * {@code %}, {@code \} and {@code /}, by {@code %} and two upper-case hex digits
 * ({@code app%5Corders});</li>
 * <li>put {@value #PREFIX} in front: {@code /mailslot.app%5Corders}.</li>
 * </ol>
 * The encoded path may have at most {@value #MAX_ENCODED_LENGTH} bytes.
 */
public final class PosixQueueNames {

	/** What every queue name of the transport starts with. */
	public static final String PREFIX = "/mailslot.";

	/** Longest encoded path, so that queue and lock-file names stay within NAME_MAX. */
	public static final int MAX_ENCODED_LENGTH = 240;

	private PosixQueueNames() {
	}

	/**
	 * Return the queue name of a local mailslot.
	 * @param name the mailslot name
	 * @return the queue name, for example {@code /mailslot.app%5Corders}
	 * @throws InvalidMailslotNameException if the name is remote or its encoded path is
	 * too long
	 */
	public static String queueName(MailslotName name) {
		String encoded = LocalMailslotPaths.encodedPath(name, "posix");
		if (encoded.length() > MAX_ENCODED_LENGTH) {
			throw new InvalidMailslotNameException(name.toString(),
					"Invalid mailslot name '" + name + "': its queue name would have " + encoded.length()
							+ " bytes after '" + PREFIX + "', more than the " + MAX_ENCODED_LENGTH
							+ " the posix transport allows; shorten the path");
		}
		return PREFIX + encoded;
	}

}
