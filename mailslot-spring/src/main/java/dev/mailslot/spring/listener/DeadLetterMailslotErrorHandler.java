package dev.mailslot.spring.listener;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Writes each failed message to a dead-letter mailslot, as Spring for Apache Kafka's
 * {@code DeadLetterPublishingRecoverer} publishes a failed record to a dead-letter topic.
 * A mailslot message has no headers, so the message's bytes go as they were read, and the
 * description of the failure (the exception's class and message, the original mailslot,
 * the listener id, when the message was received and where it went) goes to the log, at
 * {@code ERROR}, with the stack trace.
 * <p>
 * The destination comes from a resolver that sees the original mailslot and the failure,
 * never the payload, so what a sender writes cannot choose where the application writes.
 * A message is never lost quietly: when the resolver returns none, when it returns the
 * mailslot the message failed on (which would loop), or when the write fails (the
 * dead-letter mailslot is gone, or stayed full for the template's write timeout), the
 * message goes to a fallback error handler, such as a
 * {@link DeadLetterDirectoryErrorHandler}, with a log line that says why. Each message is
 * written with a handle opened for it ({@link MailslotTemplate#sendWithNewHandle}), so
 * that a dead-letter mailslot whose owner was killed is found gone rather than written
 * to.
 */
public class DeadLetterMailslotErrorHandler implements MailslotErrorHandler {

	private static final Log logger = LogFactory.getLog(DeadLetterMailslotErrorHandler.class);

	private final MailslotTemplate template;

	private final BiFunction<@Nullable MailslotName, Throwable, @Nullable MailslotName> destinationResolver;

	private final MailslotErrorHandler fallback;

	private Function<MailslotName, @Nullable String> listenerIds = (mailslot) -> null;

	/**
	 * Create a handler that writes every failed message to one mailslot.
	 * @param template the template that writes the messages, with its write timeout
	 * @param destination the dead-letter mailslot
	 * @param fallback what keeps a message that cannot be written there
	 */
	public DeadLetterMailslotErrorHandler(MailslotTemplate template, MailslotName destination,
			MailslotErrorHandler fallback) {
		this(template, (original, cause) -> destination, fallback);
	}

	/**
	 * Create a handler whose destination a function chooses from the original mailslot
	 * ({@code null} when the message does not say) and the failure.
	 * @param template the template that writes the messages, with its write timeout
	 * @param destinationResolver the dead-letter mailslot of a failure, or {@code null}
	 * to hand the message to the fallback
	 * @param fallback what keeps a message that cannot be written to a dead-letter
	 * mailslot
	 */
	public DeadLetterMailslotErrorHandler(MailslotTemplate template,
			BiFunction<@Nullable MailslotName, Throwable, @Nullable MailslotName> destinationResolver,
			MailslotErrorHandler fallback) {
		this.template = template;
		this.destinationResolver = destinationResolver;
		this.fallback = fallback;
	}

	/**
	 * Set what tells the id of the listener that reads a mailslot, for the log line, such
	 * as the listener registry's lookup.
	 * @param listenerIds the listener id of a mailslot, or {@code null} when none is
	 * known
	 */
	public void setListenerIds(Function<MailslotName, @Nullable String> listenerIds) {
		this.listenerIds = listenerIds;
	}

	/**
	 * Return the error handler that keeps what cannot be written to a dead-letter
	 * mailslot.
	 * @return the fallback
	 */
	public MailslotErrorHandler getFallback() {
		return this.fallback;
	}

	@Override
	public void handleError(Message<byte[]> message, Throwable cause, int attempts) {
		MailslotName original = original(message);
		String description = describe(message, original, cause, attempts);
		MailslotName destination = this.destinationResolver.apply(original, cause);
		if (destination == null) {
			logger.warn(description + "; it has no dead-letter mailslot (the resolver returned none); handing it to "
					+ this.fallback.getClass().getSimpleName());
			this.fallback.handleError(message, cause, attempts);
			return;
		}
		if (destination.equals(original)) {
			logger.warn(description + "; it is not written to " + destination
					+ ", the mailslot it failed on, where it would fail again; handing it to "
					+ this.fallback.getClass().getSimpleName());
			this.fallback.handleError(message, cause, attempts);
			return;
		}
		try {
			this.template.sendWithNewHandle(destination, message.getPayload());
		}
		catch (RuntimeException ex) {
			logger.error(description + "; it could NOT be written to the dead-letter mailslot " + destination + ": "
					+ ex + "; handing it to " + this.fallback.getClass().getSimpleName());
			this.fallback.handleError(message, cause, attempts);
			return;
		}
		logger.error(description + "; it was written to the dead-letter mailslot " + destination, cause);
	}

	private String describe(Message<byte[]> message, @Nullable MailslotName original, Throwable cause, int attempts) {
		String listenerId = (original != null) ? this.listenerIds.apply(original) : null;
		String outcome = (attempts == 0) ? "was never dispatched" : "failed after " + attempts + " attempt(s)";
		return "Message of " + message.getPayload().length + " bytes from " + original + " (listener " + listenerId
				+ ", received " + message.getHeaders().get(MailslotHeaders.RECEIVED_AT) + ") " + outcome + " with "
				+ cause.getClass().getName() + ": " + cause.getMessage();
	}

	private static @Nullable MailslotName original(Message<byte[]> message) {
		Object name = message.getHeaders().get(MailslotHeaders.MAILSLOT);
		if (name == null) {
			return null;
		}
		try {
			return MailslotName.parse(name.toString());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
