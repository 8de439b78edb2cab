package dev.mailslot.spring.event;

import org.springframework.context.ApplicationEvent;

import dev.mailslot.spring.listener.AbstractMailslotListenerContainer;

/**
 * What every event of a listener container has: the container (the source), its listener
 * id and the mailslot it reads.
 */
public abstract class MailslotContainerEvent extends ApplicationEvent {

	private final String listenerId;

	private final String mailslot;

	/**
	 * Create an event.
	 * @param container the container, the event's source
	 * @param mailslot the name of the mailslot it reads
	 */
	protected MailslotContainerEvent(AbstractMailslotListenerContainer container, String mailslot) {
		super(container);
		this.listenerId = container.getId();
		this.mailslot = mailslot;
	}

	/**
	 * Return the container the event is about.
	 * @return the container
	 */
	public AbstractMailslotListenerContainer getContainer() {
		return (AbstractMailslotListenerContainer) getSource();
	}

	/**
	 * Return the id of the listener, as the registry and the {@code mailslots} endpoint
	 * know it.
	 * @return the listener id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * Return the name of the mailslot the container reads, such as
	 * {@code \\.\mailslot\orders}.
	 * @return the mailslot name
	 */
	public String getMailslot() {
		return this.mailslot;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[listenerId=" + this.listenerId + ", mailslot=" + this.mailslot + "]";
	}

}
