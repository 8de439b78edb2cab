package dev.mailslot.spring.boot.autoconfigure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;

/**
 * A Boot application in a second JVM whose listener of the mailslot {@code held} starts
 * paused, started by {@link MailslotSmallHeapTests}. It prints {@code ready}, then
 * answers each line of standard input: {@code resume} resumes the listener, {@code count}
 * prints how many messages it received, each starting with its number from 0, and
 * {@code out of order} if one came out of turn.
 */
@SpringBootConfiguration
@ImportAutoConfiguration(MailslotAutoConfiguration.class)
public class PausedListenerApplication {

	@Bean
	CountingListener countingListener() {
		return new CountingListener();
	}

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(PausedListenerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context = application.run(args);
		MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
		registry.pause("held");
		System.out.println("ready");
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String command = commands.readLine(); command != null; command = commands.readLine()) {
			if (command.equals("resume")) {
				registry.resume("held");
				System.out.println("resumed");
			}
			else if (command.equals("count")) {
				System.out.println("count " + context.getBean(CountingListener.class).received.get());
			}
		}
	}

	static class CountingListener {

		final AtomicInteger received = new AtomicInteger();

		@MailslotListener(id = "held", mailslot = "held")
		void receive(byte[] message) {
			int number = ByteBuffer.wrap(message).getInt();
			if (number != this.received.getAndIncrement()) {
				System.out.println("out of order: " + number);
			}
		}

	}

}
