package dev.mailslot.spring.config;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What every kind of {@link MailslotListenerEndpoint} has: an id, a mailslot and the
 * options it overrides, set before the endpoint is registered.
 */
public abstract class AbstractMailslotListenerEndpoint implements MailslotListenerEndpoint {

	private String id = "";

	private String mailslot = "";

	private @Nullable Boolean autoStartup;

	private @Nullable Integer concurrency;

	private @Nullable Boolean batchListener;

	private @Nullable String errorHandler;

	private @Nullable String description;

	private final ContainerOptionOverrides optionOverrides = new ContainerOptionOverrides();

	@Override
	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	@Override
	public String getMailslot() {
		return this.mailslot;
	}

	public void setMailslot(String mailslot) {
		this.mailslot = mailslot;
	}

	@Override
	public @Nullable Boolean getAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(@Nullable Boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public @Nullable Integer getConcurrency() {
		return this.concurrency;
	}

	/**
	 * Set how many messages to process at once.
	 * @param concurrency at least 1, or {@code null} for the factory's default
	 */
	public void setConcurrency(@Nullable Integer concurrency) {
		Assert.isTrue(concurrency == null || concurrency > 0,
				() -> "The concurrency of listener " + this.id + " must be at least 1, not " + concurrency);
		this.concurrency = concurrency;
	}

	@Override
	public @Nullable Boolean getBatchListener() {
		return this.batchListener;
	}

	/**
	 * Set whether the listener takes messages in batches.
	 * @param batchListener whether it takes batches, or {@code null} for the factory's
	 * default
	 */
	public void setBatchListener(@Nullable Boolean batchListener) {
		this.batchListener = batchListener;
	}

	@Override
	public @Nullable String getErrorHandler() {
		return this.errorHandler;
	}

	public void setErrorHandler(@Nullable String errorHandler) {
		this.errorHandler = errorHandler;
	}

	/**
	 * Return the container options the listener sets for itself, to set them.
	 * @return the overrides
	 */
	@Override
	public ContainerOptionOverrides getOptionOverrides() {
		return this.optionOverrides;
	}

	/**
	 * Describe the listener in messages about it, instead of
	 * {@link #defaultDescription()}.
	 * @param description the description
	 */
	public void setDescription(String description) {
		this.description = description;
	}

	@Override
	public String describe() {
		return (this.description != null) ? this.description : defaultDescription();
	}

	/**
	 * Describe the listener when no description was set.
	 * @return the description
	 */
	protected abstract String defaultDescription();

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.id + " on " + this.mailslot + "]";
	}

}
