package dev.mailslot;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ReadTimeout}.
 */
class ReadTimeoutTests {

	@Test
	void zeroIsFiniteAndZero() {
		assertThat(ReadTimeout.ZERO.isForever()).isFalse();
		assertThat(ReadTimeout.ZERO.toDuration()).isZero();
		assertThat(ReadTimeout.of(Duration.ZERO)).isSameAs(ReadTimeout.ZERO);
		assertThat(ReadTimeout.ZERO.toWin32Millis()).isZero();
	}

	@Test
	void foreverIsMailslotWaitForever() {
		assertThat(ReadTimeout.FOREVER.isForever()).isTrue();
		assertThat(ReadTimeout.FOREVER.toWin32Millis()).isEqualTo(0xFFFFFFFFL);
		assertThat(ReadTimeout.FOREVER).hasToString("forever");
		assertThatIllegalStateException().isThrownBy(ReadTimeout.FOREVER::toDuration);
	}

	@Test
	void finiteTimeoutsKeepTheirDuration() {
		ReadTimeout timeout = ReadTimeout.ofMillis(300);
		assertThat(timeout.toDuration()).isEqualTo(Duration.ofMillis(300));
		assertThat(timeout.toWin32Millis()).isEqualTo(300);
		assertThat(timeout).isEqualTo(ReadTimeout.of(Duration.ofMillis(300))).isNotEqualTo(ReadTimeout.FOREVER);
		assertThat(timeout).hasToString("PT0.3S");
	}

	@Test
	void aPartOfAMillisecondRoundsUpAndNeverBecomesReturnAtOnce() {
		assertThat(ReadTimeout.of(Duration.ofNanos(1)).toWin32Millis()).isEqualTo(1);
		assertThat(ReadTimeout.of(Duration.ofNanos(500_000)).toWin32Millis()).isEqualTo(1);
		assertThat(ReadTimeout.of(Duration.ofMillis(300).plusNanos(1)).toWin32Millis()).isEqualTo(301);
		assertThat(ReadTimeout.of(ReadTimeout.MAX_FINITE.minusNanos(1)).toWin32Millis()).isEqualTo(0xFFFFFFFEL);
	}

	@Test
	void parsesForeverDurationsAndMilliseconds() {
		assertThat(ReadTimeout.parse("forever")).isEqualTo(ReadTimeout.FOREVER);
		assertThat(ReadTimeout.parse(" FOREVER ")).isEqualTo(ReadTimeout.FOREVER);
		assertThat(ReadTimeout.parse("PT0.5S")).isEqualTo(ReadTimeout.ofMillis(500));
		assertThat(ReadTimeout.parse("250")).isEqualTo(ReadTimeout.ofMillis(250));
		assertThat(ReadTimeout.parse("0")).isSameAs(ReadTimeout.ZERO);
	}

	@Test
	void rejectsWhatWindowsCannotExpress() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReadTimeout.ofMillis(-1))
			.withMessageContaining("negative");
		assertThatIllegalArgumentException().isThrownBy(() -> ReadTimeout.of(ReadTimeout.MAX_FINITE.plusMillis(1)))
			.withMessageContaining("ReadTimeout.FOREVER");
		assertThat(ReadTimeout.of(ReadTimeout.MAX_FINITE).toWin32Millis()).isEqualTo(0xFFFFFFFEL);
		assertThatIllegalArgumentException().isThrownBy(() -> ReadTimeout.parse("soon"))
			.withMessageContaining("'soon'")
			.withMessageContaining("forever");
	}

}
