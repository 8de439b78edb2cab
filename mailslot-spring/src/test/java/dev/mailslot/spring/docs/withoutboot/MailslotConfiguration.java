package dev.mailslot.spring.docs.withoutboot;

// tag::configuration[]
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.annotation.EnableMailslot;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.DeadLetterDirectoryErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;
import dev.mailslot.spring.listener.NonRetryableFailures;
import dev.mailslot.spring.listener.adapter.MailslotMessageHandlerMethodFactory;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

@Configuration(proxyBeanMethods = false)
@EnableMailslot
public class MailslotConfiguration {

	@Bean
	MailslotTransport mailslotTransport(@Value("${mailslot.transport:auto}") String transport) {
		return MailslotTransports.get(transport);
	}

	@Bean
	MailslotServers mailslotServers(MailslotTransport transport, @Value("${orders.mailslot:orders}") String orders) {
		return new MailslotServers(transport, Map.of("orders", MailslotServerOptions.builder(orders).build()),
				(name) -> MailslotServerOptions.builder(name).build(), Duration.ZERO, "servers");
	}

	@Bean
	MessageConverter mailslotMessageConverter() {
		return MailslotMessageConverters.create(StandardCharsets.UTF_8, null);
	}

	@Bean
	MailslotTemplate mailslotTemplate(MailslotTransport transport, MailslotServers servers,
			MessageConverter mailslotMessageConverter) {
		return new MailslotTemplate(transport, servers, mailslotMessageConverter);
	}

	@Bean
	MessageHandlerMethodFactory mailslotMessageHandlerMethodFactory(MessageConverter mailslotMessageConverter) {
		MailslotMessageHandlerMethodFactory factory = new MailslotMessageHandlerMethodFactory();
		factory.setMessageConverter(mailslotMessageConverter);
		return factory;
	}

	@Bean
	MailslotListenerContainerFactory mailslotListenerContainerFactory(MailslotServers servers,
			MessageHandlerMethodFactory mailslotMessageHandlerMethodFactory, MailslotTemplate mailslotTemplate,
			@Value("${orders.dead-letters:mailslot-dead-letters}") String deadLetters) {
		DeadLetterDirectoryErrorHandler deadLetterDirectory = new DeadLetterDirectoryErrorHandler(Path.of(deadLetters));
		deadLetterDirectory.checkDirectory();
		MailslotListenerContainerFactory factory = new MailslotListenerContainerFactory(servers,
				mailslotMessageHandlerMethodFactory);
		factory.setReplyTemplate(mailslotTemplate);
		factory.setContainerOptions(MailslotListenerContainerOptions.builder()
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(2)
				.delay(Duration.ofSeconds(1))
				.multiplier(2)
				.maxDelay(Duration.ofSeconds(10))
				.predicate(NonRetryableFailures::isRetryable)
				.build())
			.errorHandler(deadLetterDirectory)
			.build());
		return factory;
	}

}
// end::configuration[]
