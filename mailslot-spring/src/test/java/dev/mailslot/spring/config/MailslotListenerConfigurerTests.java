package dev.mailslot.spring.config;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.test.ContextRunner;
import dev.mailslot.spring.test.MailslotTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listeners with a container factory of their own, and endpoints registered in code by a
 * {@link MailslotListenerConfigurer}, in a plain Spring application
 * ({@link MailslotTestConfiguration}, no Boot) on the memory transport.
 */
class MailslotListenerConfigurerTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	private ContextRunner runner(Class<?>... configurations) {
		String prefix = "configurer-" + sequence.incrementAndGet();
		return ContextRunner.withMailslotConfiguration()
			.withBean(Received.class)
			.withUserConfiguration(configurations)
			.withPropertyValues("test.transport=memory", "test.listener.poll-timeout=100ms",
					"test.servers.orders.name=" + prefix + "\\orders", "test.servers.audit.name=" + prefix + "\\audit");
	}

	private static String next(ConfigurableApplicationContext context) throws InterruptedException {
		String received = context.getBean(Received.class).items.poll(10, TimeUnit.SECONDS);
		assertThat(received).as("a message within 10 s").isNotNull();
		return received;
	}

	@Test
	void aListenerGetsItsContainerFromTheFactoryItNames() {
		runner(OwnFactoryListener.class).run((context) -> {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			assertThat(registry.getListenerContainer("orders").getConcurrency()).isEqualTo(3);
			assertThat(registry.getListenerContainer("audit").getConcurrency()).isEqualTo(1);
			context.getBean(MailslotTemplate.class).send("orders", "through the own factory");
			assertThat(next(context)).isEqualTo("through the own factory");
		});
	}

	@Test
	void aContainerFactoryThatDoesNotExistIsNamedInTheFailure() {
		assertThat(runner(MissingFactoryListener.class).startupFailure())
			.hasMessage("@MailslotListener on " + MissingFactoryListener.class.getName() + ".listen() needs the "
					+ "container factory 'nowhere', and there is no bean of that name; declare a "
					+ "MailslotListenerContainerFactory bean named 'nowhere'");
	}

	@Test
	void aConfigurerRegistersASimpleEndpointBesideTheAnnotatedOnes() {
		runner(OwnFactoryListener.class, ProgrammaticEndpoint.class).run((context) -> {
			MailslotListenerContainer container = context.getBean(MailslotListenerEndpointRegistry.class)
				.getListenerContainer("programmatic");
			assertThat(container).isNotNull();
			assertThat(container.isRunning()).isTrue();
			assertThat(container.getConcurrency()).isEqualTo(3);
			context.getBean(MailslotTemplate.class).send("audit-programmatic", "registered in code");
			assertThat(next(context)).isEqualTo("programmatic: registered in code");
		});
	}

	static class Received {

		final BlockingQueue<String> items = new LinkedBlockingQueue<>();

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFactoryListener {

		private final Received received;

		OwnFactoryListener(Received received) {
			this.received = received;
		}

		@Bean
		MailslotListenerContainerFactory threeAtOnceFactory(
				@Qualifier("mailslotListenerContainerFactory") MailslotListenerContainerFactory defaults,
				MailslotServers servers,
				@Qualifier("mailslotMessageHandlerMethodFactory") MessageHandlerMethodFactory methods) {
			MailslotListenerContainerFactory factory = new MailslotListenerContainerFactory(servers, methods);
			factory.setContainerOptions(defaults.getContainerOptions().toBuilder().concurrency(3).build());
			return factory;
		}

		@MailslotListener(mailslot = "orders", containerFactory = "threeAtOnceFactory")
		void orders(String payload) {
			this.received.items.add(payload);
		}

		@MailslotListener(mailslot = "audit")
		void audit(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingFactoryListener {

		@MailslotListener(mailslot = "orders", containerFactory = "nowhere")
		void listen(String payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProgrammaticEndpoint {

		@Bean
		MailslotListenerConfigurer programmaticListener(Received received,
				@Qualifier("threeAtOnceFactory") MailslotListenerContainerFactory threeAtOnce) {
			return (registrar) -> {
				SimpleMailslotListenerEndpoint endpoint = new SimpleMailslotListenerEndpoint((message) -> received.items
					.add("programmatic: " + new String(message.getPayload(), StandardCharsets.UTF_8)));
				endpoint.setId("programmatic");
				endpoint.setMailslot("audit-programmatic");
				registrar.registerEndpoint(endpoint, threeAtOnce);
			};
		}

	}

}
