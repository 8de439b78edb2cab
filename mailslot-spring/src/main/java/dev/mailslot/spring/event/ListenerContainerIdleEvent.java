package dev.mailslot.spring.event;

import java.time.Duration;

import dev.mailslot.spring.listener.AbstractMailslotListenerContainer;

/**
 * Published when a running listener container has read no message for its idle event
 * interval, and again each interval while it stays idle; not while it is paused.
 */
public class ListenerContainerIdleEvent extends MailslotContainerEvent {

	private final Duration idleTime;

	/**
	 * Create an event.
	 * @param container the container
	 * @param mailslot the name of the mailslot it reads
	 * @param idleTime how long it has read no message
	 */
	public ListenerContainerIdleEvent(AbstractMailslotListenerContainer container, String mailslot, Duration idleTime) {
		super(container, mailslot);
		this.idleTime = idleTime;
	}

	/**
	 * Return how long the container has read no message: since its last message, or since
	 * it started or resumed.
	 * @return the idle time
	 */
	public Duration getIdleTime() {
		return this.idleTime;
	}

	@Override
	public String toString() {
		return super.toString() + " idle for " + this.idleTime;
	}

}
