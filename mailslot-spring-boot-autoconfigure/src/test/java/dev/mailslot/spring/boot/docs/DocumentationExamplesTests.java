package dev.mailslot.spring.boot.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.mailslot.spring.boot.docs.DocumentationPages.CodeBlock;
import dev.mailslot.spring.boot.docs.Snippets.Snippet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps every Java, YAML and properties example of {@code README.md} and {@code docs/*.md} in a
 * source that a test compiles and runs, as Spring's own documentation keeps its examples. A Java
 * block must be, whitespace aside, a tagged region of a source in a {@code docs} package of a
 * module's test sources (see {@link Snippets}), with the imports of what it uses; a YAML or
 * properties block must be, indentation of the whole aside, a file under {@code docs/} of a
 * module's test resources (or a tagged region of one). A snippet source counts only when a test
 * of its module uses it.
 */
class DocumentationExamplesTests {

	/** The languages of the examples that must be kept in tested sources. */
	private static final Map<String, String> KINDS = Map.of("java", "java", "yaml", "yaml", "yml", "yaml",
			"properties", "properties");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final List<Snippet> snippets = Snippets.all();

	@Test
	void everyExampleIsKeptInASourceThatATestRuns() {
		List<String> uncovered = new ArrayList<>();
		for (CodeBlock block : examples()) {
			if (snippetOf(block).isEmpty()) {
				uncovered.add(block.toString());
			}
		}
		assertThat(uncovered).as("""
				examples that no tested source holds: keep each Java example between // tag::name[] and \
				// end::name[] in a docs package of the test sources of the module whose API it uses, and each \
				YAML or properties example as a file under src/test/resources/docs that a test starts a context \
				with""").isEmpty();
	}

	@Test
	void everyJavaExampleShowsTheImportsOfWhatItUses() {
		List<String> missing = new ArrayList<>();
		for (CodeBlock block : examples()) {
			if (kind(block).equals("java")) {
				snippetOf(block).map(Snippet::importsNotShown)
					.filter((imports) -> !imports.isEmpty())
					.ifPresent((imports) -> missing.add(block + " needs " + imports));
			}
		}
		assertThat(missing).as("Java examples that use types they do not import: put the imports in the region")
			.isEmpty();
	}

	@Test
	void everySnippetSourceIsUsedByATest() {
		Set<String> unused = new TreeSet<>();
		for (Path source : Snippets.sources()) {
			if (!Snippets.of(source).isEmpty() && !Snippets.usedByATest(source)) {
				unused.add(source.toString());
			}
		}
		assertThat(unused).as("sources of snippets that no test of their module names").isEmpty();
	}

	private static List<CodeBlock> examples() {
		return DocumentationPages.codeBlocks().stream().filter((block) -> KINDS.containsKey(block.language())).toList();
	}

	private static String kind(CodeBlock block) {
		return KINDS.get(block.language());
	}

	private Optional<Snippet> snippetOf(CodeBlock block) {
		String kind = kind(block);
		String example = normalize(kind, block.text());
		return this.snippets.stream()
			.filter((snippet) -> kind.equals(kind(snippet.source())))
			.filter((snippet) -> normalize(kind, snippet.text()).equals(example))
			.findFirst();
	}

	private static String kind(Path source) {
		String name = source.getFileName().toString();
		return name.endsWith(".java") ? "java" : name.endsWith(".properties") ? "properties" : "yaml";
	}

	/**
	 * Normalize a text for comparison: Java with every run of whitespace as one space; YAML and
	 * properties line by line, without trailing whitespace, blank lines at either end, or the
	 * indentation all lines share, since their indentation has a meaning.
	 */
	static String normalize(String kind, String text) {
		if (kind.equals("java")) {
			return WHITESPACE.matcher(text).replaceAll(" ").strip();
		}
		List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
		while (!lines.isEmpty() && lines.get(0).isEmpty()) {
			lines.remove(0);
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		int indentation = lines.stream().filter((line) -> !line.isEmpty())
			.mapToInt((line) -> line.length() - line.stripLeading().length()).min().orElse(0);
		return String.join("\n", lines.stream().map((line) -> line.isEmpty() ? line : line.substring(indentation)).toList());
	}

}
