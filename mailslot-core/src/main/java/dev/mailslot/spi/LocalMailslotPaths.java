package dev.mailslot.spi;

import java.nio.charset.StandardCharsets;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;

/**
 * The path of a local mailslot as a transport names a file or queue after it: the
 * lower-cased path below {@code \mailslot\}, as UTF-8, with every byte outside
 * {@code 0x21..0x7E}, and every {@code %}, {@code \} and {@code /}, written as {@code %}
 * and two upper-case hex digits ({@code app%5Corders} for
 * {@code \\.\mailslot\App\Orders}). Programs in other languages compute the same to reach
 * a mailslot, so this encoding is part of the transports' contract.
 */
public final class LocalMailslotPaths {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private LocalMailslotPaths() {
	}

	/**
	 * Return the encoded path of a local mailslot.
	 * @param name the mailslot name
	 * @param transport the transport's id, for the error of a remote name
	 * @return the encoded path, for example {@code app%5Corders}
	 * @throws InvalidMailslotNameException if the name is remote
	 */
	public static String encodedPath(MailslotName name, String transport) {
		if (!name.isLocal()) {
			throw new InvalidMailslotNameException(name.toString(),
					"Invalid mailslot name '" + name + "': the " + transport
							+ " transport carries only names on this host (\\\\.\\mailslot\\...); enable the "
							+ "network transport for remote names");
		}
		byte[] bytes = name.canonicalPath().getBytes(StandardCharsets.UTF_8);
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
