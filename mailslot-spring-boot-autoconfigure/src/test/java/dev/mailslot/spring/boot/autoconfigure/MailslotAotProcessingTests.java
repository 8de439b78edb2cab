package dev.mailslot.spring.boot.autoconfigure;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.mock.env.MockEnvironment;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT on an application with the auto-configuration, a configured server and a
 * listener of every kind of argument: the context is processed ahead of time, the
 * generated code is compiled, and a fresh context started from it creates the server and
 * delivers each message. The generated code reaches package-private configuration
 * classes, so the test runs in a forked class loader, as the application runs with its
 * generated classes beside its own.
 */
@CompileWithForkedClassLoader
class MailslotAotProcessingTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	@Test
	void anAotProcessedContextCreatesTheServersAndDeliversToEveryKindOfListener() {
		String prefix = "aot-" + ProcessHandle.current().pid() + "-" + sequence.incrementAndGet();
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.setEnvironment(environment(prefix));
		context.register(AotApplication.class);
		TestGenerationContext generation = new TestGenerationContext();
		new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		generation.writeGeneratedContent();
		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			GenericApplicationContext processed = new GenericApplicationContext();
			processed.setEnvironment(environment(prefix));
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
				.getInstance(ApplicationContextInitializer.class);
			initializer.initialize(processed);
			processed.refresh();
			try {
				assertDelivery(processed, prefix);
			}
			finally {
				processed.close();
			}
		});
	}

	private static void assertDelivery(GenericApplicationContext context, String prefix) {
		assertThat(context.getBean("ordersMailslotServer", MailslotServer.class).name().toString())
			.isEqualTo("\\\\.\\mailslot\\" + prefix + "\\orders");
		MailslotTemplate template = context.getBean(MailslotTemplate.class);
		Received received = context.getBean(Received.class);
		template.send("orders", "to the configured server");
		assertThat(received.next()).isEqualTo("headers: to the configured server from orders");
		template.send(prefix + "\\bytes", new byte[] { 1, 2, 3 });
		assertThat(received.next()).isEqualTo("bytes: 3");
		template.send(prefix + "\\buffer", ByteBuffer.wrap(new byte[] { 9, 8 }));
		assertThat(received.next()).isEqualTo("buffer: 2");
		template.send(prefix + "\\message", "in a message");
		assertThat(received.next()).isEqualTo("message: in a message");
		template.send(prefix + "\\json", new Order("A-1", 3));
		assertThat(received.next()).isEqualTo("json: Order[id=A-1, quantity=3]");
	}

	private static MockEnvironment environment(String prefix) {
		return new MockEnvironment().withProperty("mailslot.transport", "memory")
			.withProperty("mailslot.listener.poll-timeout", "100ms")
			.withProperty("mailslot.listener.dead-letter.directory", "target/aot-dead-letters")
			.withProperty("mailslot.servers.orders.name", prefix + "\\orders")
			.withProperty("app.prefix", prefix);
	}

	/**
	 * The application: the auto-configuration with validation, and the listeners.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailslotAutoConfiguration.class, ValidationAutoConfiguration.class })
	public static class AotApplication {

		@Bean
		public Received received() {
			return new Received();
		}

		@Bean
		public Listeners listeners(Received received) {
			return new Listeners(received);
		}

	}

	/**
	 * What the listeners received, in order.
	 */
	public static class Received {

		private final BlockingQueue<String> items = new LinkedBlockingQueue<>();

		void add(String item) {
			this.items.add(item);
		}

		String next() {
			try {
				String item = this.items.poll(10, TimeUnit.SECONDS);
				assertThat(item).as("a message within 10 s").isNotNull();
				return item;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * A listener of each kind of argument.
	 */
	public static class Listeners {

		private final Received received;

		Listeners(Received received) {
			this.received = received;
		}

		@MailslotListener("orders")
		public void headers(@Payload String payload, @Header(MailslotHeaders.SERVER_ID) String serverId,
				@Header(MailslotHeaders.RECEIVED_AT) Instant receivedAt) {
			this.received.add("headers: " + payload + " from " + serverId);
		}

		@MailslotListener("${app.prefix}\\bytes")
		public void bytes(byte[] payload) {
			this.received.add("bytes: " + payload.length);
		}

		@MailslotListener("${app.prefix}\\buffer")
		public void buffer(ByteBuffer payload) {
			this.received.add("buffer: " + payload.remaining());
		}

		@MailslotListener("${app.prefix}\\message")
		public void message(Message<String> message) {
			this.received.add("message: " + message.getPayload());
		}

		@MailslotListener("${app.prefix}\\json")
		public void json(@Valid Order order) {
			this.received.add("json: " + order);
		}

	}

	/**
	 * A JSON payload with a constraint.
	 *
	 * @param id the order id
	 * @param quantity how many
	 */
	public record Order(String id, @Positive int quantity) {

	}

}
