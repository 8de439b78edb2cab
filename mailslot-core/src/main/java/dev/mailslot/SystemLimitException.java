package dev.mailslot;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an operation needs more than an operating-system limit allows. The message
 * names the limit, its current value and the remedy (on Linux, the sysctl or resource
 * limit to raise).
 */
public class SystemLimitException extends MailslotException {

	private final String limit;

	private final String remedy;

	public SystemLimitException(@Nullable MailslotName mailslot, String limit, String problem, String remedy) {
		super(mailslot, problem + " (limit " + limit + "). " + remedy);
		this.limit = limit;
		this.remedy = remedy;
	}

	/**
	 * Return the name of the limit that was reached, for example
	 * {@code fs.mqueue.msg_max}.
	 * @return the limit's name
	 */
	public String getLimit() {
		return this.limit;
	}

	/**
	 * Return what to do to raise the limit.
	 * @return the remedy
	 */
	public String getRemedy() {
		return this.remedy;
	}

}
