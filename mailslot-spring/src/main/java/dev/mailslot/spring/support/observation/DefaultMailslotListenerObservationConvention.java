package dev.mailslot.spring.support.observation;

import java.util.Locale;

import io.micrometer.common.KeyValues;

/**
 * The default convention of the {@code mailslot.listener} observation:
 * <ul>
 * <li>name {@code mailslot.listener}; contextual name {@code <mailslot> process};</li>
 * <li>low-cardinality keys {@code mailslot.listener.id}, {@code mailslot.name} and
 * {@code outcome} ({@code success}, or {@code failure} when the message went to the error
 * handler; {@code unknown} while the dispatch is under way);</li>
 * <li>high-cardinality key {@code mailslot.message.size} (bytes).</li>
 * </ul>
 * With Micrometer's default handler the observation is the timer
 * {@code mailslot.listener}, so processing time is recorded by listener, mailslot and
 * outcome; a failure's exception is on the observation.
 */
public class DefaultMailslotListenerObservationConvention implements MailslotListenerObservationConvention {

	/** Name of the observation. */
	public static final String NAME = "mailslot.listener";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(MailslotListenerObservationContext context) {
		return context.getMailslot() + " process";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MailslotListenerObservationContext context) {
		return KeyValues.of("mailslot.listener.id", context.getListenerId(), "mailslot.name", context.getMailslot(),
				"outcome", context.getOutcome().name().toLowerCase(Locale.ROOT));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MailslotListenerObservationContext context) {
		return KeyValues.of("mailslot.message.size", Integer.toString(context.getSize()));
	}

}
