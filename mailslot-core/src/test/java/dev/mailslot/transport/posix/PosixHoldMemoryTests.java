package dev.mailslot.transport.posix;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The limit of the memory posix and unix servers hold messages in: a limit that cannot
 * work is refused, naming what to give instead.
 */
class PosixHoldMemoryTests {

	@AfterEach
	void resetLimit() {
		PosixHoldMemory.setLimit(-1);
	}

	@Test
	void aLimitAsLargeAsTheHeapIsRefusedNamingTheHeapAndTheDefault() {
		long heap = Runtime.getRuntime().maxMemory();
		assertThatIllegalArgumentException().isThrownBy(() -> PosixHoldMemory.setLimit(heap))
			.withMessageContaining("not less than the heap's maximum of " + heap + " bytes")
			.withMessageContaining("an eighth of the heap, " + (heap / 8) + " bytes");
		assertThat(PosixHoldMemory.limit()).isEqualTo(PosixHoldMemory.defaultLimit());
	}

	@Test
	void aLimitBelowTheHeapIsTaken() {
		long below = Runtime.getRuntime().maxMemory() - 1;
		PosixHoldMemory.setLimit(below);
		assertThat(PosixHoldMemory.limit()).isEqualTo(below);
	}

	@Test
	void aNegativeLimitIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PosixHoldMemory.setLimit(-2))
			.withMessageContaining("is negative");
	}

}
