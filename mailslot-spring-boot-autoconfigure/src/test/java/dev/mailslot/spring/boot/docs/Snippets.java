package dev.mailslot.spring.boot.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sources that the documentation's examples are kept in, and their tagged regions. A region
 * runs from a {@code // tag::name[]} line (or {@code # tag::name[]} in YAML and properties files)
 * to the matching {@code end::name[]}; the regions of one name in a file are joined in order, so
 * that one example can show a class's imports and one of its methods. A YAML or properties file
 * is also a snippet as a whole. The sources are:
 * <ul>
 * <li>Java files under a {@code docs} package of a module's test sources,</li>
 * <li>{@code .yml}, {@code .yaml} and {@code .properties} files under {@code docs/} in a module's
 * test resources,</li>
 * <li>the sources of the sample applications, which are examples themselves.</li>
 * </ul>
 */
final class Snippets {

	private static final Pattern MARKER = Pattern.compile("^\\s*(?://|#)\\s*(tag|end)::([\\w.-]+)\\[\\]\\s*$");

	private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?[\\w.]+\\.(\\w+)\\s*;\\s*$");

	private Snippets() {
	}

	/**
	 * Return every snippet of every snippet source.
	 * @return the snippets
	 */
	static List<Snippet> all() {
		List<Snippet> snippets = new ArrayList<>();
		for (Path source : sources()) {
			snippets.addAll(of(source));
		}
		return snippets;
	}

	/**
	 * Return the snippet sources of every module.
	 * @return the files, relative to a module's directory
	 */
	static List<Path> sources() {
		List<Path> sources = new ArrayList<>();
		for (Path module : list(DocumentationPages.ROOT)) {
			if (!Files.isDirectory(module.resolve("src"))) {
				continue;
			}
			walk(module.resolve("src/test/java")).stream()
				.filter((file) -> file.toString().endsWith(".java") && inDocsPackage(module.resolve("src/test/java"), file))
				.forEach(sources::add);
			walk(module.resolve("src/test/resources/docs")).stream().filter(Snippets::isConfigurationFile)
				.forEach(sources::add);
			if (module.getFileName().toString().startsWith("sample-")) {
				walk(module.resolve("src/main")).stream()
					.filter((file) -> file.toString().endsWith(".java") || isConfigurationFile(file))
					.forEach(sources::add);
			}
		}
		return sources;
	}

	/**
	 * Return the module a source belongs to: its directory, such as {@code ../mailslot-core}.
	 * @param source a snippet source
	 * @return its module's directory
	 */
	static Path module(Path source) {
		return DocumentationPages.ROOT.resolve(DocumentationPages.ROOT.relativize(source).getName(0));
	}

	/**
	 * Return whether a test of the source's module uses it: a Java source is a test class itself
	 * or named by one, a resource is named by its path under the test resources, and a sample's
	 * source is used by the sample's tests, which start it.
	 * @param source a snippet source
	 * @return whether a test uses it
	 */
	static boolean usedByATest(Path source) {
		Path module = module(source);
		List<Path> tests = walk(module.resolve("src/test/java")).stream()
			.filter((file) -> file.getFileName().toString().endsWith("Tests.java"))
			.toList();
		if (!source.startsWith(module.resolve("src/test"))) {
			return !tests.isEmpty();
		}
		String name = source.getFileName().toString();
		if (name.endsWith("Tests.java")) {
			return true;
		}
		Pattern reference = name.endsWith(".java")
				? Pattern.compile("\\b" + Pattern.quote(name.substring(0, name.length() - ".java".length())) + "\\b")
				: Pattern.compile(Pattern.quote(module.resolve("src/test/resources").relativize(source).toString()));
		return tests.stream()
			.filter((test) -> !test.equals(source))
			.anyMatch((test) -> reference.matcher(String.join("\n", read(test))).find());
	}

	static boolean isConfigurationFile(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties");
	}

	private static boolean inDocsPackage(Path sourceRoot, Path file) {
		for (Path part : sourceRoot.relativize(file.getParent())) {
			if (part.toString().equals("docs")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the snippets of one source: its tagged regions and, for a YAML or properties
	 * file, the whole file.
	 * @param source the source
	 * @return its snippets
	 */
	static List<Snippet> of(Path source) {
		List<String> lines = read(source);
		List<String> imports = lines.stream().filter((line) -> IMPORT.matcher(line).matches()).toList();
		Map<String, StringBuilder> regions = new LinkedHashMap<>();
		List<String> open = new ArrayList<>();
		StringBuilder whole = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher marker = MARKER.matcher(line);
			if (marker.matches()) {
				String tag = marker.group(2);
				if (marker.group(1).equals("tag")) {
					open.add(tag);
					regions.computeIfAbsent(tag, (name) -> new StringBuilder());
				}
				else if (!open.remove(tag)) {
					throw new IllegalStateException(source + ":" + (i + 1) + " ends the region " + tag + ", which is not open");
				}
				continue;
			}
			whole.append(line).append('\n');
			for (String tag : open) {
				regions.get(tag).append(line).append('\n');
			}
		}
		if (!open.isEmpty()) {
			throw new IllegalStateException(source + " opens the regions " + open + " and never ends them");
		}
		List<Snippet> snippets = new ArrayList<>();
		regions.forEach((tag, text) -> snippets.add(new Snippet(source, tag, text.toString(), imports)));
		if (isConfigurationFile(source)) {
			snippets.add(new Snippet(source, "", whole.toString(), imports));
		}
		return snippets;
	}

	private static List<Path> list(Path directory) {
		try (Stream<Path> paths = Files.list(directory)) {
			return paths.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + directory.toAbsolutePath().normalize(), ex);
		}
	}

	static List<Path> walk(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot walk " + directory.toAbsolutePath().normalize(), ex);
		}
	}

	static List<String> read(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.toAbsolutePath().normalize(), ex);
		}
	}

	/**
	 * A tagged region of a source, or a whole YAML or properties file.
	 *
	 * @param source the file
	 * @param tag the region's name, empty for a whole file
	 * @param text the region's lines, without the tag lines
	 * @param imports the import lines of the file
	 */
	record Snippet(Path source, String tag, String text, List<String> imports) {

		/**
		 * Return the imports of the file that the region uses, by simple name, and does not show.
		 * @return the missing import lines
		 */
		List<String> importsNotShown() {
			List<String> shown = this.text.lines().map(String::strip).filter((line) -> line.startsWith("import ")).toList();
			String code = this.text.lines().filter((line) -> !line.strip().startsWith("import ")).reduce("",
					(all, line) -> all + line + "\n");
			List<String> missing = new ArrayList<>();
			for (String line : this.imports) {
				Matcher imported = IMPORT.matcher(line);
				if (imported.matches() && Pattern.compile("\\b" + imported.group(2) + "\\b").matcher(code).find()
						&& !shown.contains(line.strip())) {
					missing.add(line.strip());
				}
			}
			return missing;
		}

		@Override
		public String toString() {
			return this.source + (this.tag.isEmpty() ? "" : " [" + this.tag + "]");
		}

	}

}
