package dev.mailslot.spring.boot.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pages of the documentation, {@code README.md} and {@code docs/*.md}, and the fenced code
 * blocks they hold. Paths are relative to a module's directory, where Maven runs the tests.
 */
public final class DocumentationPages {

	/** The top of the source tree. */
	public static final Path ROOT = Path.of("..");

	/** The directory of the documentation pages. */
	public static final Path DOCS = ROOT.resolve("docs");

	private static final Pattern OPENING_FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");

	private static final Pattern CLOSING_FENCE = Pattern.compile("^\\s*```\\s*$");

	private DocumentationPages() {
	}

	/**
	 * Return the pages: {@code README.md}, then {@code docs/*.md} by name.
	 * @return the pages, relative to a module's directory
	 */
	public static List<Path> pages() {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(DOCS)) {
			docs.filter((path) -> path.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + DOCS.toAbsolutePath().normalize(), ex);
		}
		return pages;
	}

	/**
	 * Return the fenced code blocks of every page, in page order.
	 * @return the code blocks
	 */
	public static List<CodeBlock> codeBlocks() {
		List<CodeBlock> blocks = new ArrayList<>();
		for (Path page : pages()) {
			blocks.addAll(codeBlocks(page));
		}
		return blocks;
	}

	/**
	 * Return the fenced code blocks of a page, each without the indentation of its fence.
	 * @param page the page
	 * @return its code blocks
	 */
	static List<CodeBlock> codeBlocks(Path page) {
		List<String> lines = read(page);
		String name = ROOT.relativize(page).toString().replace('\\', '/');
		List<CodeBlock> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher opening = OPENING_FENCE.matcher(lines.get(i));
			if (opening.matches()) {
				int indentation = opening.group(1).length();
				StringBuilder text = new StringBuilder();
				int end = i + 1;
				while (end < lines.size() && !CLOSING_FENCE.matcher(lines.get(end)).matches()) {
					String line = lines.get(end);
					text.append(line, Math.min(indentation, leadingSpaces(line)), line.length()).append('\n');
					end++;
				}
				blocks.add(new CodeBlock(name, i + 1, opening.group(2), text.toString()));
				i = end;
			}
		}
		return blocks;
	}

	private static int leadingSpaces(String line) {
		int spaces = 0;
		while (spaces < line.length() && line.charAt(spaces) == ' ') {
			spaces++;
		}
		return spaces;
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.toAbsolutePath().normalize(), ex);
		}
	}

	/**
	 * A fenced code block of a page.
	 *
	 * @param page the page, such as {@code docs/listeners.md}
	 * @param line the line of its opening fence
	 * @param language the language after the fence, such as {@code java}, or empty
	 * @param text the text between the fences
	 */
	public record CodeBlock(String page, int line, String language, String text) {

		@Override
		public String toString() {
			String first = this.text.strip().lines().findFirst().orElse("");
			return this.page + ":" + this.line + " (```" + this.language + ": " + first + ")";
		}

	}

}
