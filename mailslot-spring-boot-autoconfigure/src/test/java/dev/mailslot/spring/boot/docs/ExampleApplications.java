package dev.mailslot.spring.boot.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.mailslot.MailslotTransport;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

/**
 * Applications that run the documentation's examples: the mailslot auto-configuration with
 * validation, the YAML of an example loaded as Boot loads an {@code application.yml}, and an
 * isolated memory transport, so that the example's own mailslot names are used as written.
 */
public final class ExampleApplications {

	private static final AtomicInteger sequence = new AtomicInteger();

	private ExampleApplications() {
	}

	/**
	 * Return a runner for an example's application whose dead letters go to a directory of the
	 * test's, and whose readers look at pauses and stops every 100 ms.
	 * @param deadLetters the dead-letter directory
	 * @return the runner
	 */
	public static ApplicationContextRunner runner(Path deadLetters) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class, ValidationAutoConfiguration.class))
			.withBean(MailslotTransport.class, () -> MemoryMailslotTransport.isolated("memory"))
			.withPropertyValues("mailslot.listener.poll-timeout=100ms",
					"mailslot.listener.dead-letter.directory=" + deadLetters);
	}

	/**
	 * Return an initializer that adds a YAML or properties file of the test resources to the
	 * environment, after the test's own properties.
	 * @param resource the file, such as {@code docs/readme/first-listener.yml}
	 * @return the initializer
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> configurationFile(String resource) {
		return (context) -> load(resource).forEach(context.getEnvironment().getPropertySources()::addLast);
	}

	/**
	 * Return a binder of a YAML or properties file of the test resources alone, with Boot's
	 * conversions, for examples that no test application can start (such as one that receives
	 * on UDP port 138 of every interface).
	 * @param resource the file
	 * @return the binder
	 */
	public static Binder binder(String resource) {
		return new Binder(ConfigurationPropertySources.from(load(resource)));
	}

	/**
	 * Load a YAML or properties file of the test resources as Boot loads a configuration file.
	 * @param resource the file
	 * @return its property sources
	 */
	static List<PropertySource<?>> load(String resource) {
		PropertySourceLoader loader = resource.endsWith(".properties") ? new PropertiesPropertySourceLoader()
				: new YamlPropertySourceLoader();
		try {
			return loader.load(resource + "-" + sequence.incrementAndGet(), new ClassPathResource(resource));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load " + resource, ex);
		}
	}

}
