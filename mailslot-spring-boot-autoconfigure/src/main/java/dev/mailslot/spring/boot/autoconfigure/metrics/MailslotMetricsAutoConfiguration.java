package dev.mailslot.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;

import dev.mailslot.spring.boot.actuate.metrics.MailslotMetrics;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotServers;

/**
 * Auto-configuration of mailslot meters. They are registered once the context is
 * refreshed, with the application's (primary) {@link MeterRegistry}, and then for each
 * listener that registers later, such as one on a lazy bean.
 */
@AutoConfiguration(after = MailslotAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MailslotServers.class, MailslotListenerEndpointRegistry.class })
public final class MailslotMetricsAutoConfiguration {

	@Bean
	MailslotMetrics mailslotMetrics(MailslotServers servers, MailslotListenerEndpointRegistry registry,
			ObjectProvider<MailslotNetwork> network) {
		return new MailslotMetrics(servers, registry, network.getIfAvailable());
	}

	@Bean
	ApplicationListener<ContextRefreshedEvent> mailslotMetricsBinder(MailslotMetrics metrics,
			ObjectProvider<MeterRegistry> meterRegistries) {
		return (event) -> meterRegistries.ifAvailable(metrics::bindTo);
	}

}
