package dev.mailslot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.sun.jna.Library;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the GraalVM reachability metadata that mailslot-core carries in
 * {@code META-INF/native-image/dev.mailslot/mailslot-core}, which a native image of a
 * plain Java program reads as well as one of a Spring application.
 */
class NativeImageMetadataTests {

	private static final String DIRECTORY = "META-INF/native-image/dev.mailslot/mailslot-core/";

	private static final String SERVICES = "META-INF/services/dev.mailslot.spi.MailslotTransportProvider";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyJnaLibraryInterfaceHasItsProxyAndPublicMethods() throws IOException {
		List<String> libraries = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.mailslot")
			.stream()
			.filter((javaClass) -> javaClass.isInterface() && javaClass.isAssignableTo(Library.class))
			.map(JavaClass::getName)
			.toList();
		assertThat(libraries).contains("dev.mailslot.transport.posix.JnaPosixCalls$Variadic",
				"dev.mailslot.transport.win32.MailslotKernel32");
		List<String> proxies = new ArrayList<>();
		read("proxy-config.json")
			.forEach((proxy) -> proxy.get("interfaces").forEach((name) -> proxies.add(name.asString())));
		assertThat(proxies).containsExactlyInAnyOrderElementsOf(libraries);
		for (String library : libraries) {
			assertThat(entry("reflect-config.json", library).path("allPublicMethods").asBoolean())
				.as("public methods of %s", library)
				.isTrue();
		}
	}

	@Test
	void theDirectlyMappedPosixCallsAreReachableThroughReflectionAndJni() throws IOException {
		String direct = "dev.mailslot.transport.posix.JnaPosixCalls$Direct";
		assertThat(entry("reflect-config.json", direct).path("allDeclaredMethods").asBoolean()).isTrue();
		assertThat(entry("jni-config.json", direct).path("allDeclaredMethods").asBoolean()).isTrue();
		JsonNode structure = entry("reflect-config.json", "com.sun.jna.platform.win32.WinBase$SECURITY_ATTRIBUTES");
		assertThat(structure.path("allPublicFields").asBoolean()).isTrue();
		assertThat(structure.path("allPublicConstructors").asBoolean()).isTrue();
	}

	@Test
	void everyProviderTheServiceFileListsKeepsItsConstructorAndTheFileItself() throws IOException {
		List<String> providers = new ArrayList<>();
		for (String line : text(getClass().getClassLoader().getResource(SERVICES)).split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				providers.add(line.trim());
			}
		}
		assertThat(providers).hasSizeGreaterThanOrEqualTo(4);
		for (String provider : providers) {
			assertThat(entry("reflect-config.json", provider).path("allDeclaredConstructors").asBoolean())
				.as("constructors of %s", provider)
				.isTrue();
		}
		List<String> patterns = new ArrayList<>();
		read("resource-config.json").path("resources")
			.path("includes")
			.forEach((include) -> patterns.add(include.get("pattern").asString()));
		assertThat(patterns).anyMatch((pattern) -> Pattern.compile(pattern).matcher(SERVICES).matches());
	}

	@Test
	void everyTypeTheMetadataNamesExists() throws IOException {
		for (String file : List.of("reflect-config.json", "jni-config.json")) {
			read(file).forEach((entry) -> assertThat(exists(entry.get("name").asString()))
				.as("%s in %s exists", entry.get("name"), file)
				.isTrue());
		}
		read("proxy-config.json").forEach((proxy) -> proxy.get("interfaces")
			.forEach((name) -> assertThat(exists(name.asString())).as("%s exists", name).isTrue()));
	}

	private JsonNode entry(String file, String name) throws IOException {
		for (JsonNode entry : read(file)) {
			if (entry.path("name").asString("").equals(name)) {
				return entry;
			}
		}
		throw new AssertionError(name + " is not in " + file);
	}

	private JsonNode read(String file) throws IOException {
		URL resource = getClass().getClassLoader().getResource(DIRECTORY + file);
		assertThat(resource).as("%s%s on the class path", DIRECTORY, file).isNotNull();
		return this.json.readTree(text(resource));
	}

	private static String text(URL resource) throws IOException {
		try (InputStream stream = resource.openStream()) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static boolean exists(String name) {
		try {
			Class.forName(name, false, NativeImageMetadataTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
