package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import dev.mailslot.spring.event.ContainerFailedEvent;
import dev.mailslot.spring.event.ContainerPausedEvent;
import dev.mailslot.spring.event.ContainerResumedEvent;
import dev.mailslot.spring.event.ContainerStartedEvent;
import dev.mailslot.spring.event.ContainerStoppedEvent;
import dev.mailslot.spring.event.ListenerContainerIdleEvent;

/**
 * Publishes the events of one listener container, and finds out when it is idle: the
 * reader asks before each read, and when no message was received for the idle event
 * interval, an idle event goes out, then again each interval. A container without a
 * publisher publishes nothing.
 */
final class ListenerContainerEvents {

	private static final Log logger = LogFactory.getLog(ListenerContainerEvents.class);

	private final AbstractMailslotListenerContainer container;

	private final String mailslot;

	private final @Nullable ApplicationEventPublisher publisher;

	private final long idleIntervalNanos;

	private final LongSupplier received;

	private volatile long lastReceived = -1;

	private long idleSince;

	private long nextIdleEvent;

	ListenerContainerEvents(AbstractMailslotListenerContainer container, String mailslot,
			@Nullable ApplicationEventPublisher publisher, @Nullable Duration idleEventInterval,
			LongSupplier received) {
		this.container = container;
		this.mailslot = mailslot;
		this.publisher = publisher;
		this.idleIntervalNanos = (publisher != null && idleEventInterval != null) ? idleEventInterval.toNanos() : 0;
		this.received = received;
	}

	void started() {
		this.lastReceived = -1;
		publish(new ContainerStartedEvent(this.container, this.mailslot));
	}

	void stopped() {
		publish(new ContainerStoppedEvent(this.container, this.mailslot));
	}

	void paused() {
		publish(new ContainerPausedEvent(this.container, this.mailslot));
	}

	void resumed() {
		this.lastReceived = -1;
		publish(new ContainerResumedEvent(this.container, this.mailslot));
	}

	void failed(Throwable cause) {
		publish(new ContainerFailedEvent(this.container, this.mailslot, cause));
	}

	/**
	 * Called by the reader, on its thread, before each read while running: return how
	 * long the container has been idle when an idle event is due.
	 * @return the idle time, or {@code null} when no idle event is due
	 */
	@Nullable Duration idleEventDue() {
		if (this.idleIntervalNanos == 0) {
			return null;
		}
		long now = System.nanoTime();
		long count = this.received.getAsLong();
		if (count != this.lastReceived) {
			this.lastReceived = count;
			this.idleSince = now;
			this.nextIdleEvent = now + this.idleIntervalNanos;
			return null;
		}
		if (now - this.nextIdleEvent < 0) {
			return null;
		}
		this.nextIdleEvent = now + this.idleIntervalNanos;
		return Duration.ofNanos(now - this.idleSince);
	}

	void idle(Duration idleTime) {
		publish(new ListenerContainerIdleEvent(this.container, this.mailslot, idleTime));
	}

	private void publish(ApplicationEvent event) {
		ApplicationEventPublisher target = this.publisher;
		if (target == null) {
			return;
		}
		try {
			target.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of " + event + " failed; the container goes on", ex);
		}
	}

}
