package dev.mailslot.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.support.metrics.MailslotMetrics;

/**
 * Auto-configuration of mailslot meters: a {@link MailslotMetrics} bean, which Spring
 * Boot's metrics auto-configuration binds to the application's meter registry as it binds
 * every {@code MeterBinder} bean, once every singleton exists; a listener registered
 * later, such as one on a lazy bean, gets its meters as it registers.
 */
@AutoConfiguration(after = MailslotAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, MailslotServers.class, MailslotListenerEndpointRegistry.class })
public final class MailslotMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MailslotMetrics mailslotMetrics(MailslotServers servers, MailslotListenerEndpointRegistry registry,
			ObjectProvider<MailslotNetwork> network) {
		return new MailslotMetrics(servers, registry, network.getIfAvailable());
	}

}
