package dev.mailslot.transport.network;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A NetBIOS name: up to 15 characters, a suffix byte that says what the name stands for
 * ({@code <00>} a workstation or domain, {@code <1D>} a master browser, ...), and a
 * scope, usually empty. Encoded as RFC 1001 14.1 says: upper case, padded to 15 bytes
 * with spaces (the wildcard {@code *} with NULs), the suffix appended, each byte split
 * into two nibbles plus {@code 'A'}.
 *
 * @param name the name, in upper case; each character stands for one byte (ISO-8859-1),
 * since real names hold control bytes ({@code \u0001\u0002__MSBROWSE__\u0002<01>})
 * @param suffix the suffix byte, 0 to 255
 * @param scope the scope, dot-separated labels, or empty
 */
public record NetbiosName(String name, int suffix, String scope) {

	/** Longest name, without its suffix. */
	public static final int MAX_LENGTH = 15;

	/** Bytes of an encoded name without scope: length byte, 32 characters, terminator. */
	public static final int ENCODED_LENGTH_WITHOUT_SCOPE = 34;

	public NetbiosName {
		if (name.isEmpty() || name.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(
					"NetBIOS name '" + name + "' must have 1 to " + MAX_LENGTH + " characters");
		}
		StringBuilder upper = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c > 0xFF) {
				throw new IllegalArgumentException("NetBIOS name '" + name + "' must be made of bytes (ISO-8859-1)");
			}
			upper.append((c >= 'a' && c <= 'z') ? (char) (c - 32) : c);
		}
		if (suffix < 0 || suffix > 0xFF) {
			throw new IllegalArgumentException("NetBIOS suffix " + suffix + " must be a byte");
		}
		name = upper.toString();
		if (!scope.isEmpty()) {
			if (scope.length() > 200) {
				throw new IllegalArgumentException("NetBIOS scope '" + scope + "' is longer than 200 characters");
			}
			for (String label : scope.split("\\.", -1)) {
				if (label.isEmpty() || label.length() > 63
						|| !StandardCharsets.US_ASCII.newEncoder().canEncode(label)) {
					throw new IllegalArgumentException(
							"NetBIOS scope '" + scope + "' must be dot-separated ASCII labels of 1 to 63 characters");
				}
			}
		}
	}

	/**
	 * Read a name as {@link #toString()} writes it: {@code NAME<1D>}, {@code NAME} for
	 * {@code NAME<00>}, either followed by {@code .scope}.
	 * @param text the name
	 * @return the NetBIOS name
	 * @throws IllegalArgumentException if it is not such a name
	 */
	public static NetbiosName parse(String text) {
		int open = text.indexOf('<');
		int close = text.indexOf('>');
		String name = (open >= 0) ? text.substring(0, open) : text;
		int suffix = 0;
		String rest = "";
		if (open >= 0) {
			if (close != open + 3) {
				throw new IllegalArgumentException("NetBIOS name '" + text + "' must end its suffix with two hex "
						+ "digits in <>, as in HOST<00> or WORKGROUP<1D>");
			}
			try {
				suffix = Integer.parseInt(text.substring(open + 1, close), 16);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"NetBIOS name '" + text + "' has a suffix that is not two hex digits");
			}
			rest = text.substring(close + 1);
		}
		else if (name.contains(".")) {
			rest = name.substring(name.indexOf('.'));
			name = name.substring(0, name.indexOf('.'));
		}
		if (!rest.isEmpty() && !rest.startsWith(".")) {
			throw new IllegalArgumentException("NetBIOS name '" + text + "' has '" + rest + "' after its suffix");
		}
		return new NetbiosName(name, suffix, rest.isEmpty() ? "" : rest.substring(1));
	}

	/**
	 * Return a name without scope.
	 * @param name the name
	 * @param suffix the suffix byte
	 * @return the NetBIOS name
	 */
	public static NetbiosName of(String name, int suffix) {
		return new NetbiosName(name, suffix, "");
	}

	/**
	 * Return the bytes this name takes encoded.
	 * @return the encoded length
	 */
	public int encodedLength() {
		return ENCODED_LENGTH_WITHOUT_SCOPE + (this.scope.isEmpty() ? 0 : this.scope.length() + 1);
	}

	/**
	 * Write the encoded name.
	 * @param out where to write
	 */
	public void encode(ByteBuffer out) {
		byte[] padded = new byte[16];
		byte padding = this.name.equals("*") ? 0 : (byte) ' ';
		byte[] bytes = this.name.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < 15; i++) {
			padded[i] = (i < bytes.length) ? bytes[i] : padding;
		}
		padded[15] = (byte) this.suffix;
		out.put((byte) 32);
		for (byte b : padded) {
			out.put((byte) ('A' + ((b >> 4) & 0x0F)));
			out.put((byte) ('A' + (b & 0x0F)));
		}
		if (!this.scope.isEmpty()) {
			for (String label : this.scope.split("\\.")) {
				byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
				out.put((byte) labelBytes.length);
				out.put(labelBytes);
			}
		}
		out.put((byte) 0);
	}

	@Override
	public String toString() {
		StringBuilder printable = new StringBuilder();
		for (char c : this.name.toCharArray()) {
			printable.append((c >= 0x20 && c < 0x7F) ? String.valueOf(c) : String.format("\\x%02X", (int) c));
		}
		String text = String.format("%s<%02X>", printable, this.suffix);
		return this.scope.isEmpty() ? text : text + "." + this.scope;
	}

}
