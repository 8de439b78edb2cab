package dev.mailslot.transport.win32;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code mailslot_error_probe.exe} measured on this Windows, or this Wine: its
 * {@code key=value  # comment} lines, read from the file that
 * {@code mailslot.win32.probe} names. The Windows workflow and the Wine run write that
 * file just before the tests.
 */
final class Win32Probe {

	/** The system property that names the probe's output. */
	static final String PROPERTY = "mailslot.win32.probe";

	private final String source;

	private final Map<String, String> values;

	private Win32Probe(String source, Map<String, String> values) {
		this.source = source;
		this.values = values;
	}

	/**
	 * Return the probe's output named by {@value #PROPERTY}, if the property is set.
	 */
	static Optional<Win32Probe> fromSystemProperty() {
		String file = System.getProperty(PROPERTY);
		if (file == null || file.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(parse(file, Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the error probe's output " + file + " (" + PROPERTY + ")", ex);
		}
	}

	static Win32Probe parse(String source, List<String> lines) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : lines) {
			int equals = line.indexOf('=');
			if (line.startsWith("#") || equals <= 0) {
				continue;
			}
			int comment = line.indexOf(" #", equals);
			String value = (comment < 0) ? line.substring(equals + 1) : line.substring(equals + 1, comment);
			values.put(line.substring(0, equals).trim(), value.trim());
		}
		return new Win32Probe(source, values);
	}

	/**
	 * Return the value measured for the key.
	 * @throws IllegalStateException if the probe printed no such line
	 */
	String value(String key) {
		String value = this.values.get(key);
		if (value == null) {
			throw new IllegalStateException("The error probe's output " + this.source + " has no line " + key
					+ "=...: it is not from this project's mailslot_error_probe.exe, or an older one. Build the "
					+ "probe with src/test/c/win32/build.sh and run it again");
		}
		return value;
	}

	/**
	 * Return the Win32 error code a call failed with, or empty if it succeeded
	 * ({@code ok}).
	 * @throws IllegalStateException if the probe printed neither for the key
	 */
	OptionalInt errorCode(String key) {
		String value = value(key);
		if (value.equals("ok")) {
			return OptionalInt.empty();
		}
		if (value.matches("error [0-9]+")) {
			return OptionalInt.of(Integer.parseInt(value.substring("error ".length())));
		}
		throw new IllegalStateException(
				"The error probe's output " + this.source + " says " + key + "=" + value + ", neither ok nor error N");
	}

	/**
	 * Return whether the probe ran under Wine: it prints Wine's version, or {@code none}.
	 */
	boolean ranUnderWine() {
		return !value("wine_version").equals("none");
	}

	@Override
	public String toString() {
		return this.source;
	}

}
