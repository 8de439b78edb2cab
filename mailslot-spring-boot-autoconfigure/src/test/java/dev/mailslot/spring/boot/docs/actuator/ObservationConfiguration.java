package dev.mailslot.spring.boot.docs.actuator;

// tag::convention[]
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.spring.support.observation.DefaultMailslotListenerObservationConvention;
import dev.mailslot.spring.support.observation.MailslotListenerObservationContext;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

	@Bean
	MailslotListenerObservationConvention mailslotListenerObservationConvention() {
		return new DefaultMailslotListenerObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(MailslotListenerObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "orders");
			}

		};
	}

}
// end::convention[]
