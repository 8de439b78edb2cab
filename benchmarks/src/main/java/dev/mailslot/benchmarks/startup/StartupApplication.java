package dev.mailslot.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.mailslot.spring.annotation.MailslotListener;

/**
 * The application whose start-up {@link StarterStartupBenchmark} and whose close
 * {@link StarterCloseBenchmark} time, in a JVM of its own: one bean with a
 * {@code @MailslotListener} method (or five listeners, one per mailslot, with
 * {@value #LISTENERS_PROPERTY}{@code =5}) and, when the starter is on the class path, a
 * posix mailslot for each. Without the starter the annotation is absent at run time and
 * the beans are plain beans. Prints {@code started} once the context is refreshed, then
 * closes it; or, with {@value #AWAIT_TERMINATION_PROPERTY}{@code =true}, waits for
 * SIGTERM, on which Boot's shutdown hook closes it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupApplication {

	/**
	 * System property naming the transport: {@code posix} (the default) or
	 * {@code memory}.
	 */
	static final String TRANSPORT_PROPERTY = "startup.transport";

	/**
	 * System property naming the mailslot after {@code startup-}: this process's id by
	 * default.
	 */
	static final String MAILSLOT_PROPERTY = "startup.mailslot";

	/**
	 * System property saying whether the listener's reader starts: {@code true} by
	 * default.
	 */
	static final String LISTENER_STARTED_PROPERTY = "startup.listener-started";

	/**
	 * System property giving the number of listeners: 1 (the default) or
	 * {@value #MORE_LISTENERS}.
	 */
	static final String LISTENERS_PROPERTY = "startup.listeners";

	/** System property saying whether the application waits for SIGTERM once started. */
	static final String AWAIT_TERMINATION_PROPERTY = "startup.await-termination";

	/** The number of listeners with {@link MoreListeners}. */
	static final int MORE_LISTENERS = 5;

	@Bean
	StartupListener startupListener() {
		return new StartupListener();
	}

	@Bean
	@ConditionalOnProperty(name = LISTENERS_PROPERTY, havingValue = "" + MORE_LISTENERS)
	MoreListeners moreListeners() {
		return new MoreListeners();
	}

	public static void main(String[] args) throws InterruptedException {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		List<String> arguments = new ArrayList<>(List.of("--logging.level.root=warn"));
		arguments.add("--mailslot.transport=" + System.getProperty(TRANSPORT_PROPERTY, "posix"));
		arguments.add("--mailslot.listener.auto-startup="
				+ Boolean.parseBoolean(System.getProperty(LISTENER_STARTED_PROPERTY, "true")));
		String mailslot = "\\\\.\\mailslot\\startup-"
				+ System.getProperty(MAILSLOT_PROPERTY, Long.toString(ProcessHandle.current().pid()));
		arguments.add("--mailslot.servers.startup.name=" + mailslot);
		for (int listener = 2; listener <= Integer.getInteger(LISTENERS_PROPERTY, 1); listener++) {
			arguments.add("--mailslot.servers.startup-" + listener + ".name=" + mailslot + "-" + listener);
		}
		try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
			System.out.println("started");
			System.out.flush();
			if (Boolean.getBoolean(AWAIT_TERMINATION_PROPERTY)) {
				Thread.currentThread().join();
			}
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

	/**
	 * Four more listeners, for five in all.
	 */
	static class MoreListeners {

		@MailslotListener("startup-2")
		void onSecond(byte[] payload) {
		}

		@MailslotListener("startup-3")
		void onThird(byte[] payload) {
		}

		@MailslotListener("startup-4")
		void onFourth(byte[] payload) {
		}

		@MailslotListener("startup-5")
		void onFifth(byte[] payload) {
		}

	}

}
