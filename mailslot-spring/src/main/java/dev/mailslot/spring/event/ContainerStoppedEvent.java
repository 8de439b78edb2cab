package dev.mailslot.spring.event;

import dev.mailslot.spring.listener.AbstractMailslotListenerContainer;

/**
 * Published when a listener container has stopped: it no longer reads, and what it held
 * is processed or handed on.
 */
public class ContainerStoppedEvent extends MailslotContainerEvent {

	/**
	 * Create an event.
	 * @param container the container
	 * @param mailslot the name of the mailslot it reads
	 */
	public ContainerStoppedEvent(AbstractMailslotListenerContainer container, String mailslot) {
		super(container, mailslot);
	}

}
