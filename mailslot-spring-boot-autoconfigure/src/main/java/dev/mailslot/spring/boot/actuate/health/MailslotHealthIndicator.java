package dev.mailslot.spring.boot.actuate.health;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotServer;
import dev.mailslot.spring.listener.ListenerContainerState;
import dev.mailslot.spring.listener.MailslotListenerContainer;

/**
 * Health of one mailslot, with what GetMailslotInfo reports and the state of its
 * listener.
 * <p>
 * UP while the mailslot is open, also when its listener is paused or stopped on purpose,
 * or when it has none (the details say so, since nothing then reads it unless the
 * application does); DOWN when the mailslot is closed or its listener's reader failed.
 * When a backlog threshold is set and more messages than that wait, the status is the
 * configured backlog status.
 */
public class MailslotHealthIndicator extends AbstractHealthIndicator {

	private static final String NO_LISTENER = "no @MailslotListener reads this mailslot: its messages wait until "
			+ "the application reads them, and closing it at shutdown deletes what waits";

	private final MailslotServer server;

	private final @Nullable MailslotListenerContainer listener;

	private final MailslotBacklogCheck backlogCheck;

	/**
	 * Create an indicator.
	 * @param server the mailslot
	 * @param listener its listener container, or {@code null}
	 * @param backlogCheck when waiting messages change the status
	 */
	public MailslotHealthIndicator(MailslotServer server, @Nullable MailslotListenerContainer listener,
			MailslotBacklogCheck backlogCheck) {
		super("Mailslot health check failed");
		this.server = server;
		this.listener = listener;
		this.backlogCheck = backlogCheck;
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
			.withDetail("nextMessageSize",
					info.nextMessageSize().isPresent() ? info.nextMessageSize().getAsInt() : "none")
			.withDetail("messageCount", info.messageCount())
			.withDetail("readTimeout", info.readTimeout().toString());
		builder.up();
		if (this.listener != null) {
			ListenerContainerState state = this.listener.getState();
			builder.withDetail("listener", this.listener.getId()).withDetail("listenerState", state.name());
			Throwable failure = this.listener.getFailure();
			if (state == ListenerContainerState.FAILED) {
				builder.down()
					.withDetail("reason", "the listener's reader stopped: "
							+ ((failure != null) ? failure.getMessage() : "unknown failure"));
				return;
			}
		}
		else {
			builder.withDetail("listener", "none").withDetail("reader", NO_LISTENER);
		}
		Integer threshold = this.backlogCheck.threshold();
		if (threshold != null && this.backlogCheck.appliesTo(info.messageCount())) {
			builder.status(this.backlogCheck.status()).withDetail("backlogThreshold", threshold);
		}
	}

}
