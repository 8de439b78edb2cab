package dev.mailslot;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailslot library (the API, the SPI and the transports) must not depend on Spring,
 * so that it is a module of its own, and its messages name its own options, not Boot's
 * properties.
 */
class LibraryIndependenceTests {

	private static final String[] LIBRARY_PACKAGES = { "dev.mailslot", "dev.mailslot.spi", "dev.mailslot.transport.." };

	@Test
	void libraryImportsNothingFromSpring() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.mailslot");
		assertThat(
				classes.stream().filter((javaClass) -> javaClass.getPackageName().startsWith("dev.mailslot.transport")))
			.isNotEmpty();
		noClasses().that()
			.resideInAnyPackage(LIBRARY_PACKAGES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.check(classes);
	}

	@Test
	void libraryMessagesNameNoBootProperty() {
		assertThat(BootPropertyNames.in(Path.of("src/main/java"))).isEmpty();
	}

}
