package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A container declared as a bean, without the registry, is run by the context: started
 * with it, and drained before its mailslot closes when the context closes.
 */
class MailslotListenerContainerLifecycleTests {

	static final String NAME = "container-bean-" + System.nanoTime();

	@Test
	void aContainerBeanStartsWithTheContextAndDrainsBeforeItsMailslotCloses() {
		List<String> received;
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				ContainerConfiguration.class)) {
			MailslotListenerContainer container = context.getBean(MailslotListenerContainer.class);
			received = context.getBean(ContainerConfiguration.class).received;
			assertThat(container.isRunning()).isTrue();
			write("first");
			await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
			container.pause();
			await().atMost(Duration.ofSeconds(5)).until(container::isPaused);
			write("second");
			write("third");
		}
		assertThat(received).containsExactly("first", "second", "third");
	}

	private static void write(String text) {
		try (MailslotClient client = MailslotTransports.get("memory")
			.openClient(MailslotServerOptions.builder(NAME).build().name())) {
			client.write(text.getBytes());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ContainerConfiguration {

		final List<String> received = new CopyOnWriteArrayList<>();

		@Bean(destroyMethod = "close")
		MailslotServer server() {
			return MailslotTransports.get("memory").createServer(MailslotServerOptions.builder(NAME).build());
		}

		@Bean
		MailslotListenerContainer container(MailslotServer server) {
			return new MailslotListenerContainer("bean", server, null,
					(message) -> this.received.add(new String(message.getPayload())),
					MailslotListenerContainerOptions.builder().pollTimeout(Duration.ofMillis(50)).build());
		}

	}

}
