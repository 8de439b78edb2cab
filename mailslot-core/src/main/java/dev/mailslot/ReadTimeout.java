package dev.mailslot;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How long a read waits for a message: {@link #ZERO} (return at once), a finite duration,
 * or {@link #FOREVER} ({@code MAILSLOT_WAIT_FOREVER}).
 */
public final class ReadTimeout {

	/**
	 * Largest finite timeout Windows can express: 0xFFFFFFFE milliseconds, about 49.7
	 * days.
	 */
	public static final Duration MAX_FINITE = Duration.ofMillis(0xFFFFFFFEL);

	/** Return at once when no message is waiting. */
	public static final ReadTimeout ZERO = new ReadTimeout(Duration.ZERO);

	/** Wait until a message arrives or the server is closed. */
	public static final ReadTimeout FOREVER = new ReadTimeout(null);

	private static final String FOREVER_TEXT = "forever";

	/** The finite duration, or {@code null} for forever. */
	private final @Nullable Duration duration;

	private ReadTimeout(@Nullable Duration duration) {
		this.duration = duration;
	}

	/**
	 * Return the timeout given to a read or to {@code setReadTimeout}, refusing
	 * {@code null} at the call rather than at a later read.
	 * @param timeout the timeout given
	 * @return the timeout
	 * @throws NullPointerException if it is {@code null}, saying what to give instead
	 */
	public static ReadTimeout requireNonNull(ReadTimeout timeout) {
		return Objects.requireNonNull(timeout,
				"A read timeout must not be null: give ReadTimeout.FOREVER, ReadTimeout.ZERO or ReadTimeout.of(duration)");
	}

	/**
	 * Return a finite read timeout.
	 * @param duration how long to wait, zero or more, at most {@link #MAX_FINITE}
	 * @return the read timeout
	 */
	public static ReadTimeout of(Duration duration) {
		Objects.requireNonNull(duration, "duration must not be null; use ReadTimeout.FOREVER to wait forever");
		if (duration.isNegative()) {
			throw new IllegalArgumentException(
					"Read timeout " + duration + " is negative; use zero or more, " + "or ReadTimeout.FOREVER");
		}
		if (duration.compareTo(MAX_FINITE) > 0) {
			throw new IllegalArgumentException("Read timeout " + duration + " is longer than the " + MAX_FINITE
					+ " Windows can express; use ReadTimeout.FOREVER to wait without limit");
		}
		return duration.isZero() ? ZERO : new ReadTimeout(duration);
	}

	/**
	 * Return a finite read timeout in milliseconds.
	 * @param millis how long to wait
	 * @return the read timeout
	 */
	public static ReadTimeout ofMillis(long millis) {
		return of(Duration.ofMillis(millis));
	}

	/**
	 * Parse {@code forever}, an ISO-8601 duration such as {@code PT0.5S}, or a number of
	 * milliseconds.
	 * @param text the text to parse
	 * @return the read timeout
	 */
	public static ReadTimeout parse(String text) {
		String trimmed = text.trim();
		if (trimmed.toLowerCase(Locale.ROOT).equals(FOREVER_TEXT)) {
			return FOREVER;
		}
		try {
			if (trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty()) {
				return ofMillis(Long.parseLong(trimmed));
			}
			return of(Duration.parse(trimmed));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Read timeout '" + text + "' is not 'forever', an ISO-8601 duration "
					+ "(PT0.5S) or a number of milliseconds", ex);
		}
	}

	/**
	 * Return whether reads wait without limit.
	 * @return whether this is {@link #FOREVER}
	 */
	public boolean isForever() {
		return this.duration == null;
	}

	/**
	 * Return the finite duration.
	 * @return the duration
	 * @throws IllegalStateException if this is {@link #FOREVER}
	 */
	public Duration toDuration() {
		if (this.duration == null) {
			throw new IllegalStateException("The read timeout is forever and has no finite duration");
		}
		return this.duration;
	}

	/**
	 * Return the timeout as Windows' DWORD milliseconds: {@code 0xFFFFFFFF} for forever,
	 * and a part of a millisecond rounded up, so that a timeout that is not zero never
	 * becomes Windows' 0, "return immediately".
	 * @return the timeout in milliseconds, as an unsigned 32-bit value in a long
	 */
	public long toWin32Millis() {
		Duration finite = this.duration;
		if (finite == null) {
			return 0xFFFFFFFFL;
		}
		long millis = finite.toMillis();
		return finite.equals(Duration.ofMillis(millis)) ? millis : millis + 1;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj instanceof ReadTimeout other) && Objects.equals(this.duration, other.duration);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.duration);
	}

	/**
	 * Return {@code forever} or the ISO-8601 duration.
	 */
	@Override
	public String toString() {
		return (this.duration != null) ? this.duration.toString() : FOREVER_TEXT;
	}

}
