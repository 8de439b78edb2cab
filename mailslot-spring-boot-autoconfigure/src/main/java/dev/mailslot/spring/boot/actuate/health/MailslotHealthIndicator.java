package dev.mailslot.spring.boot.actuate.health;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotServer;
import dev.mailslot.spring.listener.MailslotListenerContainer;

/**
 * Health of one mailslot, with what GetMailslotInfo reports and the state of its listener.
 * <p>
 * UP while the mailslot is open, also when its listener is paused or stopped on purpose; DOWN
 * when the mailslot is closed or its listener's reader failed. When a backlog threshold is set
 * and more messages than that wait, the status is the configured backlog status.
 */
public class MailslotHealthIndicator extends AbstractHealthIndicator {

	private final MailslotServer server;

	private final @Nullable MailslotListenerContainer listener;

	private final @Nullable Integer backlogThreshold;

	private final Status backlogStatus;

	/**
	 * Create an indicator.
	 * @param server the mailslot
	 * @param listener its listener container, or {@code null}
	 * @param backlogThreshold the message count above which the backlog status applies, or
	 * {@code null}
	 * @param backlogStatus the status of a backlog
	 */
	public MailslotHealthIndicator(MailslotServer server, @Nullable MailslotListenerContainer listener,
			@Nullable Integer backlogThreshold, Status backlogStatus) {
		super("Mailslot health check failed");
		this.server = server;
		this.listener = listener;
		this.backlogThreshold = backlogThreshold;
		this.backlogStatus = backlogStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("name", this.server.name().toString()).withDetail("transport", this.server.transport());
		if (!this.server.isOpen()) {
			builder.down().withDetail("reason", "the mailslot is closed");
			return;
		}
		MailslotInfo info = this.server.info();
		builder.withDetail("maxMessageSize", info.maxMessageSize())
			.withDetail("nextMessageSize", info.nextMessageSize().isPresent() ? info.nextMessageSize().getAsInt() : "none")
			.withDetail("messageCount", info.messageCount())
			.withDetail("readTimeout", info.readTimeout().toString());
		builder.up();
		if (this.listener != null) {
			MailslotListenerContainer.State state = this.listener.getState();
			builder.withDetail("listener", this.listener.getId()).withDetail("listenerState", state.name());
			Throwable failure = this.listener.getFailure();
			if (state == MailslotListenerContainer.State.FAILED) {
				builder.down().withDetail("reason", "the listener's reader stopped: "
						+ ((failure != null) ? failure.getMessage() : "unknown failure"));
				return;
			}
		}
		if (this.backlogThreshold != null && info.messageCount() > this.backlogThreshold) {
			builder.status(this.backlogStatus).withDetail("backlogThreshold", this.backlogThreshold);
		}
	}

}
