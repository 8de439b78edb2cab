package dev.mailslot.spring.event;

import dev.mailslot.spring.listener.AbstractMailslotListenerContainer;

/**
 * Published when a listener container's reader stops on its own because reading failed;
 * the container is then {@code FAILED} until it is started again.
 */
public class ContainerFailedEvent extends MailslotContainerEvent {

	private final Throwable cause;

	/**
	 * Create an event.
	 * @param container the container
	 * @param mailslot the name of the mailslot it reads
	 * @param cause why the reader stopped
	 */
	public ContainerFailedEvent(AbstractMailslotListenerContainer container, String mailslot, Throwable cause) {
		super(container, mailslot);
		this.cause = cause;
	}

	/**
	 * Return why the reader stopped.
	 * @return the failure
	 */
	public Throwable getCause() {
		return this.cause;
	}

	@Override
	public String toString() {
		return super.toString() + ": " + this.cause;
	}

}
