package dev.mailslot.spring.support.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code mailslot.listener} observation; implement it as a bean to
 * change them.
 */
public interface MailslotListenerObservationConvention
		extends ObservationConvention<MailslotListenerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MailslotListenerObservationContext;
	}

}
