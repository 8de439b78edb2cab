package dev.mailslot.spring.listener;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SimpleCommandLinePropertySource;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.test.MailslotTestConfiguration;

/**
 * A plain Spring application ({@link MailslotTestConfiguration}, no Boot) with one slow
 * {@code @MailslotListener} on the mailslot server {@code slow} and the context's
 * shutdown hook, run in a second JVM by {@link MailslotListenerShutdownEndToEndTests} and
 * ended with SIGTERM. Arguments: {@code single} or {@code batch}, then properties
 * ({@code --name=value}). {@code app.call-millis} is how long each call takes,
 * {@code app.paused} pauses the listener before {@code ready} is printed. It prints
 * {@code seen} with the numbers of each call as it begins, {@code returned} with its size
 * as it returns, and {@code left} with what the mailslot still holds once the listener
 * has stopped, which the server's close deletes.
 */
@Configuration(proxyBeanMethods = false)
public class SlowListenerApplication {

	public static void main(String[] args) throws InterruptedException {
		Class<?> listener = args[0].equals("batch") ? BatchListener.class : SingleListener.class;
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		context.register(MailslotTestConfiguration.class, SlowListenerApplication.class, listener);
		context.registerShutdownHook();
		context.refresh();
		if (context.getEnvironment().getProperty("app.paused", Boolean.class, false)) {
			MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
			registry.pause("slow");
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!registry.getListenerContainer("slow").isPaused()) {
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException("The listener did not pause within 30 s");
				}
				Thread.sleep(10);
			}
		}
		System.out.println("ready");
	}

	@Bean
	MessagesLeftAtClose messagesLeftAtClose(MailslotServers servers) {
		return new MessagesLeftAtClose(servers) {

			@Override
			public void stop() {
				super.stop();
				System.out.println("left " + total());
			}

		};
	}

	static void call(List<byte[]> payloads, Environment environment) {
		System.out.println("seen " + payloads.stream()
			.map((payload) -> Integer.toString(ByteBuffer.wrap(payload).getInt()))
			.collect(Collectors.joining(" ")));
		try {
			Thread.sleep(environment.getRequiredProperty("app.call-millis", Long.class));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		System.out.println("returned " + payloads.size());
	}

	static class SingleListener {

		private final Environment environment;

		SingleListener(Environment environment) {
			this.environment = environment;
		}

		@MailslotListener(id = "slow", value = "slow")
		void onMessage(byte[] payload) {
			call(List.of(payload), this.environment);
		}

	}

	static class BatchListener {

		private final Environment environment;

		BatchListener(Environment environment) {
			this.environment = environment;
		}

		@MailslotListener(id = "slow", value = "slow", batch = "true")
		void onBatch(List<byte[]> payloads) {
			call(payloads, this.environment);
		}

	}

}
