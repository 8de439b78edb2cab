package dev.mailslot.benchmarks.endtoend;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.mailslot.MailslotName;

/**
 * The application of the end-to-end benchmarks: the starter with one mailslot,
 * {@code benchmark}, on the posix transport (or the one named) and one
 * {@link BenchmarkListener}, or {@link BatchBenchmarkListener}, with every default left
 * as it is.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ListenerApplication {

	@Bean
	Deliveries deliveries() {
		return new Deliveries();
	}

	/**
	 * Start the application with its mailslot at {@code name} and the given listener
	 * class.
	 */
	static ConfigurableApplicationContext run(MailslotName name, int maxMessageSize, Class<?> listener) {
		return run(name, maxMessageSize, listener, "posix");
	}

	/**
	 * Start the application on the given transport.
	 */
	static ConfigurableApplicationContext run(MailslotName name, int maxMessageSize, Class<?> listener,
			String transport) {
		SpringApplication application = new SpringApplication(ListenerApplication.class, listener);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		return application.run("--mailslot.transport=" + transport, "--mailslot.servers.benchmark.name=" + name,
				"--mailslot.servers.benchmark.max-message-size=" + maxMessageSize, "--logging.level.root=warn");
	}

}
