package dev.mailslot.spring.event;

import dev.mailslot.spring.listener.AbstractMailslotListenerContainer;

/**
 * Published when a listener container has started reading: at start-up, or started by id.
 */
public class ContainerStartedEvent extends MailslotContainerEvent {

	/**
	 * Create an event.
	 * @param container the container
	 * @param mailslot the name of the mailslot it reads
	 */
	public ContainerStartedEvent(AbstractMailslotListenerContainer container, String mailslot) {
		super(container, mailslot);
	}

}
