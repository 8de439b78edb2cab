package dev.mailslot.spring.listener;

import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * Tells the failures that retrying cannot mend: a payload that does not convert to the
 * listener's argument, or does not validate.
 */
public final class NonRetryableFailures {

	private NonRetryableFailures() {
	}

	/**
	 * Return whether a listener failure is worth retrying.
	 * @param failure what the listener threw
	 * @return {@code false} if the failure, or one of its causes up to 32 deep, is a
	 * conversion or argument failure
	 */
	public static boolean isRetryable(Throwable failure) {
		return FailureCauses.find(failure, (cause) -> cause instanceof MessageConversionException
				|| cause instanceof MethodArgumentResolutionException) == null;
	}

}
