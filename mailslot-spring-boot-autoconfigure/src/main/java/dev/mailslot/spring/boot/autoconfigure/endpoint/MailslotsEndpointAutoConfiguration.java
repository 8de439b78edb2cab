package dev.mailslot.spring.boot.autoconfigure.endpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.mailslot.spring.boot.actuate.endpoint.MailslotsEndpoint;
import dev.mailslot.spring.boot.actuate.endpoint.MailslotsEndpointWebExtension;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.listener.DeadLetterDirectoryReplayer;

/**
 * Auto-configuration of the {@code mailslots} endpoint.
 */
@AutoConfiguration(after = MailslotAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean({ MailslotServers.class, MailslotListenerEndpointRegistry.class })
@ConditionalOnAvailableEndpoint(MailslotsEndpoint.class)
public final class MailslotsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MailslotsEndpoint mailslotsEndpoint(MailslotServers servers, MailslotListenerEndpointRegistry registry,
			ObjectProvider<MailslotNetwork> network, ObjectProvider<DeadLetterDirectoryReplayer> replayer) {
		return new MailslotsEndpoint(servers, registry, network.getIfAvailable(), replayer.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MailslotsEndpoint.class)
	MailslotsEndpointWebExtension mailslotsEndpointWebExtension(MailslotsEndpoint endpoint) {
		return new MailslotsEndpointWebExtension(endpoint);
	}

}
