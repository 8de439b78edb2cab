package dev.mailslot.spring.boot.docs.actuator;

// tag::legacy-tags[]
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.spring.support.metrics.MailslotMetrics;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	MeterFilter dropMailslotTagsOf01() {
		return MeterFilter.ignoreTags(MailslotMetrics.LEGACY_TAGS.toArray(String[]::new));  // mailslot, server, listener
	}

}
// end::legacy-tags[]
