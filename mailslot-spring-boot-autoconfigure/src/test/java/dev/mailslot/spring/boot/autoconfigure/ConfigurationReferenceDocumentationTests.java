package dev.mailslot.spring.boot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mailslot.spring.boot.docs.DocumentationPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/configuration.md} true to the configuration metadata that the
 * annotation processor generates: every property of the metadata has a row on the page,
 * and every {@code mailslot.} property the page names (in a table row, in backticks, or
 * as a key of a YAML or properties example) exists. The entries of a map of nested
 * properties, such as {@code mailslot.servers}, are checked as
 * {@code mailslot.servers.<id>.<property>}, with the properties of the map's value type.
 */
class ConfigurationReferenceDocumentationTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	/** The page, relative to this module's directory, where Maven runs the tests. */
	private static final Path PAGE = DocumentationPages.DOCS.resolve("configuration.md");

	/** A table row whose first cell is one name in backticks. */
	private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([^`\\s]+)`\\s*\\|");

	/** A {@code mailslot.} name in backticks, up to an {@code =} or a space. */
	private static final Pattern MAILSLOT_NAME = Pattern.compile("`(mailslot\\.[^`\\s=]*)");

	private static final Pattern EXAMPLE = Pattern.compile("```(yaml|properties)\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern MAP_TYPE = Pattern.compile("java\\.util\\.Map<[^,]+,(.+)>");

	/**
	 * A map key with what precedes it: {@code .<id>} on the page, {@code .orders} or
	 * {@code [my.app]} in examples.
	 */
	private static final String MAP_KEY = "(?:\\.[^.\\[\\]]+|\\[[^\\]]+\\])";

	/** Property names, with {@code *} for the key of a map of nested properties. */
	private final Set<String> properties = new TreeSet<>();

	/**
	 * Names of maps of simple values, whose keys are the user's:
	 * {@code mailslot.network.hosts}.
	 */
	private final Set<String> simpleMaps = new TreeSet<>();

	/**
	 * Prefixes whose properties the metadata describes: {@code mailslot},
	 * {@code management.endpoint.mailslots}.
	 */
	private final Set<String> namespaces = new TreeSet<>();

	private String page;

	@BeforeEach
	void readMetadataAndPage() throws IOException {
		JsonNode metadata = metadata();
		for (JsonNode group : metadata.path("groups")) {
			String name = group.path("name").asString();
			if (this.namespaces.stream().noneMatch((namespace) -> name.startsWith(namespace + "."))) {
				this.namespaces.add(name);
			}
		}
		for (JsonNode property : metadata.path("properties")) {
			addProperty(property.path("name").asString(), property.path("type").asString());
		}
		assertThat(Files.exists(PAGE)).as("%s exists", PAGE.toAbsolutePath().normalize()).isTrue();
		this.page = Files.readString(PAGE, StandardCharsets.UTF_8);
	}

	@Test
	void everyPropertyOfTheMetadataHasARow() {
		Set<String> missing = new TreeSet<>(this.properties);
		missing.removeAll(documentedRows());
		assertThat(missing).as("properties of the metadata that %s has no row for", PAGE).isEmpty();
	}

	@Test
	void everyDocumentedPropertyExists() {
		Set<String> unknown = new TreeSet<>();
		for (String row : documentedRows()) {
			if (inNamespace(row) && !this.properties.contains(row)) {
				unknown.add(row);
			}
		}
		assertThat(unknown).as("rows of %s for properties the metadata does not have", PAGE).isEmpty();
	}

	@Test
	void everyMailslotPropertyNamedOnThePageExists() throws IOException {
		Set<String> unknown = new TreeSet<>();
		Matcher names = MAILSLOT_NAME.matcher(this.page);
		while (names.find()) {
			String name = placeholdersToWildcards(names.group(1)).replaceAll("\\.\\*$", "");
			if (!isProperty(name) && !isPrefix(name)) {
				unknown.add(name);
			}
		}
		List<String> keys = exampleKeys(this.page);
		assertThat(keys).as("keys of the examples on %s", PAGE).isNotEmpty();
		for (String key : keys) {
			if (key.startsWith("mailslot.") && !isProperty(key)) {
				unknown.add(key);
			}
		}
		assertThat(unknown)
			.as("mailslot names on %s that are neither properties nor groups of properties "
					+ "(meters and headers belong on other pages)", PAGE)
			.isEmpty();
	}

	/**
	 * Boot binds what it knows and passes over the rest, so a misspelt key in an example
	 * would start an application that quietly lacks the setting.
	 */
	@Test
	void everyMailslotKeyOfAnExampleOnAnyPageIsAProperty() throws IOException {
		Set<String> unknown = new TreeSet<>();
		for (Path page : DocumentationPages.pages()) {
			for (String key : exampleKeys(Files.readString(page, StandardCharsets.UTF_8))) {
				if (key.startsWith("mailslot.") && !isProperty(key)) {
					unknown.add(page.getFileName() + ": " + key);
				}
			}
		}
		assertThat(unknown).as("mailslot keys of YAML and properties examples that are no property").isEmpty();
	}

	private JsonNode metadata() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<URL> resources = Collections.list(getClass().getClassLoader().getResources(METADATA));
		for (URL resource : resources) {
			try (InputStream in = resource.openStream()) {
				JsonNode metadata = json.readTree(in);
				if (describesThisModule(metadata)) {
					return metadata;
				}
			}
		}
		Path built = Path.of("target", "classes", METADATA);
		assertThat(Files.exists(built))
			.as("%s of this module on the class path (%s) or at %s", METADATA, resources, built.toAbsolutePath())
			.isTrue();
		return json.readTree(built.toFile());
	}

	private static boolean describesThisModule(JsonNode metadata) {
		for (JsonNode property : metadata.path("properties")) {
			if (property.path("sourceType").asString("").startsWith(MailslotProperties.class.getPackageName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Add a property of the metadata: a map of nested properties adds one name per
	 * property of its value type, with {@code *} for the key.
	 */
	private void addProperty(String name, String type) {
		Matcher map = MAP_TYPE.matcher(type);
		if (!map.matches()) {
			this.properties.add(name);
			return;
		}
		String valueType = map.group(1);
		if (!valueType.startsWith("dev.mailslot.")) {
			this.simpleMaps.add(name);
			this.properties.add(name);
			return;
		}
		Class<?> nested = ClassUtils.resolveClassName(valueType, getClass().getClassLoader());
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(nested)) {
			if (descriptor.getWriteMethod() != null) {
				this.properties.add(name + ".*." + DataObjectPropertyName.toDashedForm(descriptor.getName()));
			}
		}
	}

	private Set<String> documentedRows() {
		Set<String> rows = new LinkedHashSet<>();
		for (String line : this.page.split("\n")) {
			Matcher row = TABLE_ROW.matcher(line);
			if (row.find()) {
				rows.add(placeholdersToWildcards(row.group(1)));
			}
		}
		return rows;
	}

	private boolean inNamespace(String name) {
		return this.namespaces.stream().anyMatch((namespace) -> name.startsWith(namespace + "."));
	}

	/**
	 * Return whether a name, as the page or an example writes it, is a property: the name
	 * itself, an entry of a map of nested properties under any key, or any key of a map
	 * of simple values.
	 */
	private boolean isProperty(String name) {
		String withoutIndexes = name.replaceAll("\\[\\d+\\]", "");
		Predicate<String> matches = (property) -> withoutIndexes
			.matches(Pattern.quote(property).replace(".*", "\\E" + MAP_KEY + "\\Q"));
		return this.properties.stream().anyMatch(matches)
				|| this.simpleMaps.stream().anyMatch((map) -> withoutIndexes.startsWith(map + "."));
	}

	private boolean isPrefix(String name) {
		return this.properties.stream().anyMatch((property) -> property.startsWith(name + "."));
	}

	/**
	 * Return the keys of the YAML and properties examples, each loaded as Spring Boot
	 * loads a configuration file.
	 */
	private List<String> exampleKeys(String page) throws IOException {
		List<String> keys = new ArrayList<>();
		Matcher example = EXAMPLE.matcher(page);
		while (example.find()) {
			PropertySourceLoader loader = example.group(1).equals("yaml") ? new YamlPropertySourceLoader()
					: new PropertiesPropertySourceLoader();
			ByteArrayResource content = new ByteArrayResource(example.group(2).getBytes(StandardCharsets.UTF_8));
			for (PropertySource<?> source : loader.load("example", content)) {
				Collections.addAll(keys, ((EnumerablePropertySource<?>) source).getPropertyNames());
			}
		}
		return keys;
	}

	private static String placeholdersToWildcards(String name) {
		return name.replaceAll("<[^>]+>", "*");
	}

}
