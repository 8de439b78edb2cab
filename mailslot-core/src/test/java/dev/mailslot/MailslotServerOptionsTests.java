package dev.mailslot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The options a server is created with: their defaults and the errors for bad values.
 */
class MailslotServerOptionsTests {

	@Test
	void aServerHoldsTenThousandMessagesBeyondItsQueueUnlessToldOtherwise() {
		assertThat(MailslotServerOptions.builder("orders").build().holdCapacity()).isEqualTo(10_000);
		assertThat(MailslotServerOptions.builder("orders").holdCapacity(0).build().holdCapacity()).isZero();
	}

	@Test
	void aNegativeHoldCapacityIsRefusedSayingWhatToGive() {
		assertThatIllegalArgumentException().isThrownBy(() -> MailslotServerOptions.builder("orders").holdCapacity(-1))
			.withMessage("holdCapacity -1 is negative; use 0 to hold no messages beyond the queue, or a positive count "
					+ "(10000 by default)");
	}

	@Test
	void aNegativeQueueCapacityIsRefusedSayingWhatToGive() {
		assertThatIllegalArgumentException().isThrownBy(() -> MailslotServerOptions.builder("orders").queueCapacity(-1))
			.withMessageContaining("queueCapacity -1 is negative");
	}

}
