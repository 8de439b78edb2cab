package com.example.consumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.core.MailslotTemplate;

/**
 * Starts, sends one message to its own mailslot, and exits 0 once its listener received it (1 if it
 * did not within 30 seconds). It also prints whether the posix transport's FFM binding, in the
 * Java 22 classes of the multi-release mailslot-core jar, is visible to it.
 */
@SpringBootApplication
public class ConsumerApplication {

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	public static void main(String[] args) throws InterruptedException {
		ConfigurableApplicationContext context = SpringApplication.run(ConsumerApplication.class, args);
		String message = context.getBean(ConsumerApplication.class).received.poll(30, TimeUnit.SECONDS);
		System.out.println((message != null) ? "consumer received: " + message : "consumer received nothing");
		System.out.println("consumer ffm binding present: "
				+ ClassUtils.isPresent("dev.mailslot.transport.posix.ForeignPosixCalls", null));
		System.exit(SpringApplication.exit(context, () -> (message != null) ? 0 : 1));
	}

	@MailslotListener("greetings")
	void receive(String message) {
		this.received.add(message);
	}

	@Bean
	ApplicationRunner sendGreeting(MailslotTemplate template,
			@Value("${mailslot.servers.greetings.name}") String mailslot) {
		return (args) -> template.send(mailslot, "hello from a consumer of the release");
	}

}
