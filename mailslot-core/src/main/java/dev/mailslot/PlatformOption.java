package dev.mailslot;

import java.util.Locale;

/**
 * An option of {@link MailslotServerOptions} that only some transports read. A
 * transport's provider says which it reads
 * ({@link dev.mailslot.spi.MailslotTransportProvider#platformOptions()}), so that
 * configuration that sets one for a transport that ignores it can say so.
 */
public enum PlatformOption {

	/** {@link MailslotServerOptions#inheritHandle()}. */
	INHERIT_HANDLE(false),

	/** {@link MailslotServerOptions#securityDescriptor()}: who may open the mailslot. */
	SECURITY_DESCRIPTOR(true),

	/** {@link MailslotServerOptions#mode()}: who may write to the mailslot. */
	MODE(true),

	/** {@link MailslotServerOptions#allowWorldAccess()}. */
	ALLOW_WORLD_ACCESS(false),

	/** {@link MailslotServerOptions#queueCapacity()}. */
	QUEUE_CAPACITY(false),

	/** {@link MailslotServerOptions#holdCapacity()}. */
	HOLD_CAPACITY(false);

	private final boolean access;

	PlatformOption(boolean access) {
		this.access = access;
	}

	/**
	 * Return whether the option decides who may reach the mailslot.
	 * @return whether it is the transport's access control
	 */
	public boolean controlsAccess() {
		return this.access;
	}

	/**
	 * Return the option's name in lower case with dashes, as configuration spells it.
	 * @return the name, for example {@code hold-capacity}
	 */
	public String dashedName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
