package dev.mailslot.spring.docs.withoutboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

// tag::start[]
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
// end::start[]
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import dev.mailslot.WriterProcess;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application of docs/spring-without-boot.md, {@link MailslotConfiguration} and
 * {@link OrderListener} in an {@link AnnotationConfigApplicationContext}, with no Spring Boot on the
 * class path: its listener receives what the template sends on the memory transport, and on posix
 * every message a second JVM wrote, none dead-lettered.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpringWithoutBootTests {

	@TempDir
	Path deadLetters;

	private final String mailslot = "without-boot-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	@Test
	void springBootIsNotOnTheClassPath() {
		assertThat(ClassUtils.isPresent("org.springframework.boot.SpringApplication", null)).isFalse();
		assertThat(ClassUtils.isPresent("org.springframework.boot.autoconfigure.AutoConfiguration", null)).isFalse();
	}

	@Test
	void aListenerReceivesWhatTheTemplateSendsOnTheMemoryTransport() throws Exception {
		try (AnnotationConfigApplicationContext context = start("memory")) {
			assertThat(context.getBean(MailslotServers.class).getTransport().id()).isEqualTo("memory");
			context.getBean(MailslotTemplate.class).send("orders", "A-1001");
			assertThat(context.getBean(OrderListener.class).received.poll(10, TimeUnit.SECONDS)).isEqualTo("A-1001");
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aListenerReceivesEveryMessageAnotherProcessWritesOnThePosixTransport() throws Exception {
		try (AnnotationConfigApplicationContext context = start("posix")) {
			assertThat(context.getBean(MailslotServers.class).getTransport().id()).isEqualTo("posix");
			int count = 200;
			Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(), "posix",
					"\\\\.\\mailslot\\" + this.mailslot, Integer.toString(count))
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.redirectOutput(ProcessBuilder.Redirect.INHERIT)
				.start();
			assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(writer.exitValue()).isZero();
			OrderListener listener = context.getBean(OrderListener.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> listener.received.size() == count);
			assertThat(deadLetters()).isZero();
		}
	}

	private AnnotationConfigApplicationContext start(String transport) {
		// tag::start[]
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		// end::start[]
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("mailslot.transport", transport, "orders.mailslot",
					this.mailslot, "orders.dead-letters", this.deadLetters.toString())));
		// tag::start[]
		context.register(MailslotConfiguration.class, OrderListener.class);
		context.registerShutdownHook();
		context.refresh();
		// end::start[]
		return context;
	}

	private long deadLetters() throws Exception {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.count();
		}
	}

}
