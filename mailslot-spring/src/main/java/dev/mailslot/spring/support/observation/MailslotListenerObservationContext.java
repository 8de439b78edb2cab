package dev.mailslot.spring.support.observation;

import io.micrometer.observation.Observation;

/**
 * What the {@code mailslot.listener} observation knows of one dispatch.
 */
public class MailslotListenerObservationContext extends Observation.Context {

	private final String listenerId;

	private final String mailslot;

	private final int size;

	private Outcome outcome = Outcome.UNKNOWN;

	/**
	 * Create a context.
	 * @param listenerId the listener id
	 * @param mailslot the mailslot name
	 * @param size the message size in bytes
	 */
	public MailslotListenerObservationContext(String listenerId, String mailslot, int size) {
		this.listenerId = listenerId;
		this.mailslot = mailslot;
		this.size = size;
	}

	public String getListenerId() {
		return this.listenerId;
	}

	public String getMailslot() {
		return this.mailslot;
	}

	public int getSize() {
		return this.size;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * How a dispatch ended.
	 */
	public enum Outcome {

		/** Not known yet: the dispatch is under way. */
		UNKNOWN,

		/** The listener processed the message, perhaps after retries. */
		SUCCESS,

		/** The listener did not process the message; it went to the error handler. */
		FAILURE

	}

}
