package dev.mailslot.spring.boot.docs.listeners;

// tag::factory[]
import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import dev.mailslot.spring.boot.autoconfigure.MailslotListenerContainerFactoryConfigurer;
import dev.mailslot.spring.config.MailslotListenerConfigurer;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.config.SimpleMailslotListenerEndpoint;
import dev.mailslot.spring.core.MailslotServers;

@Configuration(proxyBeanMethods = false)
class AuditListenerConfiguration {

	@Bean
	MailslotListenerContainerFactory auditFactory(MailslotListenerContainerFactoryConfigurer configurer,
			MailslotServers servers,
			@Qualifier("mailslotMessageHandlerMethodFactory") MessageHandlerMethodFactory methods) {
		MailslotListenerContainerFactory factory = new MailslotListenerContainerFactory(servers, methods);
		factory.setContainerOptions(configurer.containerOptions().concurrency(4)
			.shutdownTimeout(Duration.ofSeconds(30)).build());
		return factory;
	}

	@Bean
	MailslotListenerConfigurer auditListener(AuditLog log) {
		return (registrar) -> {
			SimpleMailslotListenerEndpoint endpoint = new SimpleMailslotListenerEndpoint(
					(message) -> log.record(message.getPayload()));
			endpoint.setId("audit");
			endpoint.setMailslot("audit");
			registrar.registerEndpoint(endpoint);
		};
	}

}
// end::factory[]
