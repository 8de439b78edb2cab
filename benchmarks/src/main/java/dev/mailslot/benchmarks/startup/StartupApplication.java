package dev.mailslot.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.mailslot.spring.annotation.MailslotListener;

/**
 * The application whose start-up {@link StarterStartupBenchmark} times, in a JVM of its own: one
 * bean with a {@code @MailslotListener} method and, when the starter is on the class path, one
 * posix mailslot for it. Without the starter the annotation is absent at run time and the bean is
 * a plain bean. Prints {@code started} once the context is refreshed, then closes it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupApplication {

	/** System property naming the transport: {@code posix} (the default) or {@code memory}. */
	static final String TRANSPORT_PROPERTY = "startup.transport";

	/** System property naming the mailslot after {@code startup-}: this process's id by default. */
	static final String MAILSLOT_PROPERTY = "startup.mailslot";

	/** System property saying whether the listener's reader starts: {@code true} by default. */
	static final String LISTENER_STARTED_PROPERTY = "startup.listener-started";

	@Bean
	StartupListener startupListener() {
		return new StartupListener();
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		List<String> arguments = new ArrayList<>(List.of("--logging.level.root=warn"));
		arguments.add("--mailslot.transport=" + System.getProperty(TRANSPORT_PROPERTY, "posix"));
		arguments.add("--mailslot.listener.auto-startup="
				+ Boolean.parseBoolean(System.getProperty(LISTENER_STARTED_PROPERTY, "true")));
		arguments.add("--mailslot.servers.startup.name=\\\\.\\mailslot\\startup-"
				+ System.getProperty(MAILSLOT_PROPERTY, Long.toString(ProcessHandle.current().pid())));
		try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
			System.out.println("started");
			System.out.flush();
		}
	}

	/**
	 * A listener that takes messages and does nothing with them.
	 */
	static class StartupListener {

		@MailslotListener("startup")
		void onMessage(byte[] payload) {
		}

	}

}
