package dev.mailslot.spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * What a replay of a dead-letter directory did.
 *
 * @param mailslot the mailslot whose dead letters were replayed
 * @param target where they were written
 * @param replayed how many were written and removed
 * @param failed how many could not be written, and stay
 * @param remaining how many dead letters of the mailslot are in the directory after the
 * replay: those that failed, those not tried after a failed write, and those kept while
 * it ran
 * @param failure the write failure that ended the replay, or {@code null}
 */
public record DeadLetterReplayResult(String mailslot, String target, int replayed, int failed, int remaining,
		@Nullable String failure) {

}
