package dev.mailslot.spring.support.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.spring.annotation.EnableMailslot;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.config.SimpleMailslotListenerEndpoint;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MailslotMetrics} in an {@code @EnableMailslot} application without
 * Spring Boot, bound by hand to two meter registries, on an isolated memory transport:
 * each registry gets every meter, with the counts of the listener's statistics, also
 * those of a listener registered after the binding.
 */
class MailslotMetricsTests {

	@Test
	void eachRegistryItIsBoundToGetsEveryMeterAlsoOfAListenerRegisteredLater() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Application.class)) {
			MailslotMetrics metrics = new MailslotMetrics(context.getBean(MailslotServers.class),
					context.getBean(MailslotListenerEndpointRegistry.class), null);
			List<MeterRegistry> registries = List.of(new SimpleMeterRegistry(), new SimpleMeterRegistry());
			registries.forEach(metrics::bindTo);
			MailslotTransport transport = context.getBean(MailslotTransport.class);
			write(transport, "orders", "one");
			write(transport, "orders", "three");
			for (MeterRegistry meters : registries) {
				await().atMost(Duration.ofSeconds(5))
					.until(() -> meters.get("mailslot.messages.processed")
						.tag("mailslot.listener.id", "orders")
						.functionCounter()
						.count() == 2);
				assertThat(meters.get("mailslot.bytes.received")
					.tag("mailslot.listener.id", "orders")
					.functionCounter()
					.count()).isEqualTo(8);
				assertThat(meters.get("mailslot.backlog").tag("mailslot.server.id", "orders").gauge().value()).isZero();
			}
			context.getBean(MailslotListenerEndpointRegistry.class)
				.registerListenerContainer(endpoint("late", "\\\\.\\mailslot\\metrics-late"),
						context.getBean(MailslotListenerContainerFactory.class));
			write(transport, "metrics-late", "late");
			for (MeterRegistry meters : registries) {
				await().atMost(Duration.ofSeconds(5))
					.until(() -> meters.get("mailslot.messages.received")
						.tag("mailslot.listener.id", "late")
						.functionCounter()
						.count() == 1);
				assertThat(meters.get("mailslot.backlog").tag("mailslot.server.id", "metrics-late").gauge())
					.isNotNull();
				assertThat(meters.find("mailslot.messages.received").functionCounters()).hasSize(2);
			}
		}
	}

	@Test
	void bindingARegistryAgainAddsNoMeter() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Application.class)) {
			MailslotMetrics metrics = new MailslotMetrics(context.getBean(MailslotServers.class),
					context.getBean(MailslotListenerEndpointRegistry.class), null);
			MeterRegistry meters = new SimpleMeterRegistry();
			metrics.bindTo(meters);
			int count = meters.getMeters().size();
			metrics.bindTo(meters);
			assertThat(meters.getMeters()).hasSize(count).isNotEmpty();
		}
	}

	private static SimpleMailslotListenerEndpoint endpoint(String id, String mailslot) {
		SimpleMailslotListenerEndpoint endpoint = new SimpleMailslotListenerEndpoint((message) -> {
		});
		endpoint.setId(id);
		endpoint.setMailslot(mailslot);
		return endpoint;
	}

	private static void write(MailslotTransport transport, String path, String text) {
		MailslotClient client = transport.openClient(MailslotName.parse("\\\\.\\mailslot\\" + path));
		try {
			client.write(text.getBytes(StandardCharsets.UTF_8));
		}
		finally {
			client.close();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMailslot
	static class Application {

		@Bean
		MailslotTransport transport() {
			return MemoryMailslotTransport.isolated("memory");
		}

		@Bean
		MailslotServers mailslotServers(MailslotTransport transport) {
			return new MailslotServers(transport,
					Map.of("orders",
							MailslotServerOptions.builder(MailslotName.parse("\\\\.\\mailslot\\orders")).build()),
					(name) -> MailslotServerOptions.builder(name).build(), Duration.ZERO, "mailslot.servers");
		}

		@Bean
		MailslotListenerContainerFactory mailslotListenerContainerFactory(MailslotServers servers) {
			DefaultMessageHandlerMethodFactory handlers = new DefaultMessageHandlerMethodFactory();
			handlers.afterPropertiesSet();
			MailslotListenerContainerFactory factory = new MailslotListenerContainerFactory(servers, handlers);
			factory.setContainerOptions(
					MailslotListenerContainerOptions.builder().pollTimeout(Duration.ofMillis(50)).build());
			return factory;
		}

		@MailslotListener("orders")
		void listen(byte[] message) {
		}

	}

}
