package dev.mailslot;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a server is created with: the arguments of CreateMailslot, and options that only
 * some transports read. Build one with {@link #builder(MailslotName)}.
 */
public final class MailslotServerOptions {

	/** Mode of a posix queue unless set: read and write for the owner only. */
	public static final int DEFAULT_MODE = 0600;

	/**
	 * Hold capacity of a posix server unless set: messages it may hold in memory beyond
	 * its queue.
	 */
	public static final int DEFAULT_HOLD_CAPACITY = 10_000;

	private final MailslotName name;

	private final int maxMessageSize;

	private final ReadTimeout readTimeout;

	private final boolean inheritHandle;

	private final @Nullable String securityDescriptor;

	private final int mode;

	private final int queueCapacity;

	private final boolean allowWorldAccess;

	private final int holdCapacity;

	private MailslotServerOptions(Builder builder) {
		this.name = builder.name;
		this.maxMessageSize = builder.maxMessageSize;
		this.readTimeout = builder.readTimeout;
		this.inheritHandle = builder.inheritHandle;
		this.securityDescriptor = builder.securityDescriptor;
		this.mode = builder.mode;
		this.queueCapacity = builder.queueCapacity;
		this.allowWorldAccess = builder.allowWorldAccess;
		this.holdCapacity = builder.holdCapacity;
	}

	/**
	 * Start options for a server of the given local name.
	 * @param name the mailslot name; must be local
	 * @return a builder
	 */
	public static Builder builder(MailslotName name) {
		return new Builder(name);
	}

	/**
	 * Start options for a server of the given local name.
	 * @param name the mailslot name, parsed with {@link MailslotName#parse(String)}
	 * @return a builder
	 */
	public static Builder builder(String name) {
		return new Builder(MailslotName.parse(name));
	}

	/**
	 * Return the mailslot name.
	 * @return the local name
	 */
	public MailslotName name() {
		return this.name;
	}

	/**
	 * Return the largest message to accept, in bytes; 0 means any size.
	 * @return the maximum message size
	 */
	public int maxMessageSize() {
		return this.maxMessageSize;
	}

	/**
	 * Return the initial read timeout.
	 * @return the read timeout
	 */
	public ReadTimeout readTimeout() {
		return this.readTimeout;
	}

	/**
	 * Return whether child processes inherit the server handle (win32 only).
	 * @return whether the handle is inheritable
	 */
	public boolean inheritHandle() {
		return this.inheritHandle;
	}

	/**
	 * Return the security descriptor in SDDL, or {@code null} for the default (win32
	 * only).
	 * @return the SDDL string
	 */
	public @Nullable String securityDescriptor() {
		return this.securityDescriptor;
	}

	/**
	 * Return the permission bits of the queue (posix only).
	 * @return the mode, for example {@code 0600}
	 */
	public int mode() {
		return this.mode;
	}

	/**
	 * Return how many messages may wait before writers block (posix only); 0 takes the
	 * system default, {@code fs.mqueue.msg_default}.
	 * @return the queue capacity
	 */
	public int queueCapacity() {
		return this.queueCapacity;
	}

	/**
	 * Return whether the mode may give every user of the host access to the queue (posix
	 * only).
	 * @return whether a mode whose last digit is not 0 is allowed
	 */
	public boolean allowWorldAccess() {
		return this.allowWorldAccess;
	}

	/**
	 * Return how many messages the server may take off its queue and hold in its own
	 * memory while its reader does not read, so that writers do not wait for room in the
	 * queue (posix only).
	 * @return the number of messages, 0 to leave them in the queue
	 */
	public int holdCapacity() {
		return this.holdCapacity;
	}

	@Override
	public String toString() {
		return "MailslotServerOptions[name=" + this.name + ", maxMessageSize=" + this.maxMessageSize + ", readTimeout="
				+ this.readTimeout + ", inheritHandle=" + this.inheritHandle + ", securityDescriptor="
				+ this.securityDescriptor + ", mode=0" + Integer.toOctalString(this.mode) + ", queueCapacity="
				+ this.queueCapacity + ", allowWorldAccess=" + this.allowWorldAccess + ", holdCapacity="
				+ this.holdCapacity + "]";
	}

	/**
	 * Builds {@link MailslotServerOptions}. Unset values take CreateMailslot's usual
	 * arguments: any message size, wait forever, default security, handle not inherited.
	 */
	public static final class Builder {

		private final MailslotName name;

		private int maxMessageSize;

		private ReadTimeout readTimeout = ReadTimeout.FOREVER;

		private boolean inheritHandle;

		private @Nullable String securityDescriptor;

		private int mode = DEFAULT_MODE;

		private int queueCapacity;

		private boolean allowWorldAccess;

		private int holdCapacity = DEFAULT_HOLD_CAPACITY;

		private Builder(MailslotName name) {
			Objects.requireNonNull(name, "name must not be null");
			if (!name.isLocal()) {
				throw new InvalidMailslotNameException(name.toString(), "Invalid mailslot name '" + name
						+ "': a server can only create a mailslot on this host; use \\\\.\\mailslot\\" + name.path());
			}
			this.name = name;
		}

		/**
		 * Set the largest message to accept.
		 * @param maxMessageSize the size in bytes, 0 for any size
		 * @return this builder
		 */
		public Builder maxMessageSize(int maxMessageSize) {
			if (maxMessageSize < 0) {
				throw new IllegalArgumentException(
						"maxMessageSize " + maxMessageSize + " is negative; use 0 for any size or a positive size");
			}
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/**
		 * Set the read timeout.
		 * @param readTimeout the timeout
		 * @return this builder
		 */
		public Builder readTimeout(ReadTimeout readTimeout) {
			this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout must not be null");
			return this;
		}

		/**
		 * Set whether child processes inherit the server handle (win32 only).
		 * @param inheritHandle whether the handle is inheritable
		 * @return this builder
		 */
		public Builder inheritHandle(boolean inheritHandle) {
			this.inheritHandle = inheritHandle;
			return this;
		}

		/**
		 * Set a security descriptor in SDDL (win32 only), for example
		 * {@code D:(A;;GA;;;SY)(A;;GA;;;OW)}.
		 * @param securityDescriptor the SDDL string, or {@code null} for the default
		 * descriptor
		 * @return this builder
		 */
		public Builder securityDescriptor(@Nullable String securityDescriptor) {
			this.securityDescriptor = securityDescriptor;
			return this;
		}

		/**
		 * Set the permission bits of the queue (posix only).
		 * @param mode the mode, for example {@code 0600} or {@code 0620}
		 * @return this builder
		 */
		public Builder mode(int mode) {
			if ((mode & ~0777) != 0) {
				throw new IllegalArgumentException("mode 0" + Integer.toOctalString(mode)
						+ " has bits outside 0777; give permission bits only, for example 0600");
			}
			this.mode = mode;
			return this;
		}

		/**
		 * Set how many messages may wait before writers block (posix only).
		 * @param queueCapacity the number of messages, 0 for the system default
		 * @return this builder
		 */
		public Builder queueCapacity(int queueCapacity) {
			if (queueCapacity < 0) {
				throw new IllegalArgumentException("queueCapacity " + queueCapacity
						+ " is negative; use 0 for the system default or a positive count");
			}
			this.queueCapacity = queueCapacity;
			return this;
		}

		/**
		 * Allow a mode that gives every user of the host access to the queue, such as
		 * {@code 0622} or {@code 0666} (posix only). Any user could then send the server
		 * messages it does not expect, or take its messages; as Windows code must not
		 * build a NULL DACL, such a mode is refused unless allowed here.
		 * @param allowWorldAccess whether to allow it
		 * @return this builder
		 */
		public Builder allowWorldAccess(boolean allowWorldAccess) {
			this.allowWorldAccess = allowWorldAccess;
			return this;
		}

		/**
		 * Set how many messages the server may take off its queue and hold in its own
		 * memory while its reader does not read (posix only). A POSIX queue holds few
		 * messages (10 on a stock Linux, which an unprivileged process cannot raise), and
		 * a Windows mailslot takes writes while nobody reads; held messages let writers
		 * go on in the same way. Writers wait for room once the queue is full and the
		 * server holds this many. Held messages live as long as the server, like a
		 * Windows mailslot's, and take up to {@code holdCapacity} x the largest message
		 * of memory.
		 * @param holdCapacity the number of messages, 0 to leave them in the queue
		 * @return this builder
		 */
		public Builder holdCapacity(int holdCapacity) {
			if (holdCapacity < 0) {
				throw new IllegalArgumentException("holdCapacity " + holdCapacity
						+ " is negative; use 0 to hold no messages beyond the queue, or a " + "positive count ("
						+ DEFAULT_HOLD_CAPACITY + " by default)");
			}
			this.holdCapacity = holdCapacity;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public MailslotServerOptions build() {
			return new MailslotServerOptions(this);
		}

	}

}
