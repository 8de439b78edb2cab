package dev.mailslot.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.MailslotTransport;
import dev.mailslot.TransportUnavailableException;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.transport.network.NetworkMailslotTransport;

/**
 * The network transport as the main one, when {@code mailslot.transport=network}: the one
 * {@code mailslot.network.enabled} started, since it needs its options to run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mailslot.transport", havingValue = NetworkMailslotTransport.ID)
class MailslotNetworkTransportConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MailslotTransport mailslotTransport(ObjectProvider<MailslotNetwork> network) {
		MailslotNetwork running = network.getIfAvailable();
		if (running == null) {
			throw new TransportUnavailableException(NetworkMailslotTransport.ID,
					"mailslot.transport=network needs the network transport on: set mailslot.network.enabled=true");
		}
		return running.getTransport();
	}

}
