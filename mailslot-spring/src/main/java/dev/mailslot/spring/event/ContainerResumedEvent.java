package dev.mailslot.spring.event;

import dev.mailslot.spring.listener.AbstractMailslotListenerContainer;

/**
 * Published when a listener container reads again after a pause.
 */
public class ContainerResumedEvent extends MailslotContainerEvent {

	/**
	 * Create an event.
	 * @param container the container
	 * @param mailslot the name of the mailslot it reads
	 */
	public ContainerResumedEvent(AbstractMailslotListenerContainer container, String mailslot) {
		super(container, mailslot);
	}

}
