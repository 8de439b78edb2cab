package dev.mailslot.spring;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import dev.mailslot.BootPropertyNames;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring layer (mailslot-spring) must not depend on Spring Boot, so that
 * {@code @EnableMailslot} serves applications without Boot, and its messages name no Boot
 * property.
 */
class SpringLayerIndependenceTests {

	/**
	 * The binder of the meters, whose names ({@code mailslot.listener.failures}) look
	 * like properties.
	 */
	private static final String METER_NAMES_SOURCE = Path.of("dev/mailslot/spring/support/metrics/MailslotMetrics.java")
		.toString();

	@Test
	void springLayerImportsNothingFromBoot() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.mailslot.spring");
		assertThat(classes.stream().filter((javaClass) -> javaClass.getPackageName().startsWith("dev.mailslot.spring")))
			.isNotEmpty();
		noClasses().that()
			.resideInAPackage("dev.mailslot.spring..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..", "dev.mailslot.spring.boot..")
			.check(classes);
	}

	@Test
	void springLayerMessagesNameNoBootProperty() {
		assertThat(BootPropertyNames.in(Path.of("src/main/java")))
			.filteredOn((place) -> !place.startsWith(METER_NAMES_SOURCE))
			.isEmpty();
	}

}
