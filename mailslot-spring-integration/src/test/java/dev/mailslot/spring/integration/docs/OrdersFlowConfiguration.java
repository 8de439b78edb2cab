package dev.mailslot.spring.integration.docs;

// tag::flow[]
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Transformers;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.integration.dsl.Mailslot;

@Configuration(proxyBeanMethods = false)
class OrdersFlowConfiguration {

	@Bean
	IntegrationFlow orders(MailslotListenerContainerFactory containerFactory, MailslotTemplate template) {
		return IntegrationFlow.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "orders"))
			.transform(Transformers.objectToString())
			.handle(Mailslot.outboundAdapter(template).mailslot("audit"))
			.get();
	}

}
// end::flow[]
