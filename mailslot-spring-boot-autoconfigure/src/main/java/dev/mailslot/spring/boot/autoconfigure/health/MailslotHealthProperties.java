package dev.mailslot.spring.boot.autoconfigure.health;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of mailslot health.
 */
@ConfigurationProperties("mailslot.health")
public class MailslotHealthProperties {

	/**
	 * Message count above which a mailslot reports the backlog status. Not set: no
	 * backlog check.
	 */
	private @Nullable Integer backlogThreshold;

	/**
	 * Status a mailslot reports when more messages than the backlog threshold wait.
	 */
	private String backlogStatus = "OUT_OF_SERVICE";

	public @Nullable Integer getBacklogThreshold() {
		return this.backlogThreshold;
	}

	public void setBacklogThreshold(@Nullable Integer backlogThreshold) {
		this.backlogThreshold = backlogThreshold;
	}

	public String getBacklogStatus() {
		return this.backlogStatus;
	}

	public void setBacklogStatus(String backlogStatus) {
		this.backlogStatus = backlogStatus;
	}

}
