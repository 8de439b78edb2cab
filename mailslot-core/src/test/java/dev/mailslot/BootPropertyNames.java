package dev.mailslot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds Spring Boot property names ({@code mailslot.servers.<id>.hold-capacity}, say) in
 * the string literals of a module's sources: the library's messages name its own options,
 * and Boot, which knows the properties, adds their names where it reports a failure.
 */
public final class BootPropertyNames {

	private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern PROPERTY = Pattern
		.compile("mailslot\\.(?:servers|network|listener|template|health|server-defaults)\\.(?!id\\b)[a-z<]"
				+ "|mailslot\\.(?:transport|charset)\\s*=");

	private BootPropertyNames() {
	}

	/**
	 * Return each string literal of the Java sources below a folder that names a Boot
	 * property, with its file and line.
	 * @param sources the folder
	 * @return the places, empty if none
	 */
	public static List<String> in(Path sources) {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					Matcher literal = LITERAL.matcher(lines.get(i));
					while (literal.find()) {
						if (PROPERTY.matcher(literal.group()).find()) {
							found.add(sources.relativize(file) + ":" + (i + 1) + ": " + literal.group());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

}
