package dev.mailslot.spring.boot.docs.errors;

// tag::failure-handler[]
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

import dev.mailslot.spring.boot.autoconfigure.MailslotListenerContainerFactoryConfigurer;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotServers;

@Configuration(proxyBeanMethods = false)
class FailureHandlerConfiguration {

	@Bean(name = "mailslotListenerContainerFactory")
	MailslotListenerContainerFactory mailslotListenerContainerFactory(MailslotListenerContainerFactoryConfigurer configurer,
			MailslotServers servers, @Qualifier("mailslotMessageHandlerMethodFactory") MessageHandlerMethodFactory methods,
			CircuitBreakingFailureHandler failureHandler) {
		MailslotListenerContainerFactory factory = new MailslotListenerContainerFactory(servers, methods);
		factory.setContainerOptions(configurer.containerOptions().failureHandler(failureHandler).build());
		return factory;
	}

}
// end::failure-handler[]
