package dev.mailslot.spring.boot.autoconfigure.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.spring.boot.actuate.health.MailslotBacklogCheck;
import dev.mailslot.spring.boot.actuate.health.MailslotHealthContributor;
import dev.mailslot.spring.boot.actuate.health.MailslotNetworkHealthIndicator;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotServers;

/**
 * Auto-configuration of the {@code mailslot} health component.
 */
@AutoConfiguration(after = MailslotAutoConfiguration.class)
@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(MailslotServers.class)
@ConditionalOnEnabledHealthIndicator("mailslot")
@EnableConfigurationProperties(MailslotHealthProperties.class)
public final class MailslotHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "mailslotHealthIndicator", "mailslotHealthContributor" })
	MailslotHealthContributor mailslotHealthContributor(MailslotServers servers,
			ObjectProvider<MailslotListenerEndpointRegistry> registry, MailslotHealthProperties properties) {
		return new MailslotHealthContributor(servers, registry.getIfAvailable(),
				new MailslotBacklogCheck(properties.getBacklogThreshold(), new Status(properties.getBacklogStatus())));
	}

	/**
	 * The {@code mailslotNetwork} health indicator, where the network transport runs.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(MailslotNetwork.class)
	@ConditionalOnEnabledHealthIndicator("mailslotNetwork")
	static class NetworkHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "mailslotNetworkHealthIndicator")
		MailslotNetworkHealthIndicator mailslotNetworkHealthIndicator(MailslotNetwork network) {
			return new MailslotNetworkHealthIndicator(network);
		}

	}

}
