package dev.mailslot.spring.event;

import dev.mailslot.spring.listener.AbstractMailslotListenerContainer;

/**
 * Published when a listener container has paused: its reader no longer reads, and
 * messages queue in the mailslot.
 */
public class ContainerPausedEvent extends MailslotContainerEvent {

	/**
	 * Create an event.
	 * @param container the container
	 * @param mailslot the name of the mailslot it reads
	 */
	public ContainerPausedEvent(AbstractMailslotListenerContainer container, String mailslot) {
		super(container, mailslot);
	}

}
