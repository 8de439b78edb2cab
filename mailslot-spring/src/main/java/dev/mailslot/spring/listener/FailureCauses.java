package dev.mailslot.spring.listener;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Looks through a failure and its causes, at most {@link #MAX_DEPTH} causes deep: deeper
 * than any wrapping of a listener call, and an end to a chain of causes that loops back
 * on itself.
 */
final class FailureCauses {

	/** How many causes deep to look. */
	static final int MAX_DEPTH = 32;

	private FailureCauses() {
	}

	/**
	 * Return the first of a failure and its causes that matches.
	 * @param failure the failure
	 * @param match what to look for
	 * @return the failure or cause, or {@code null} if none matches within
	 * {@link #MAX_DEPTH}
	 */
	static @Nullable Throwable find(Throwable failure, Predicate<Throwable> match) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth <= MAX_DEPTH; depth++) {
			if (match.test(current)) {
				return current;
			}
			current = current.getCause();
		}
		return null;
	}

}
