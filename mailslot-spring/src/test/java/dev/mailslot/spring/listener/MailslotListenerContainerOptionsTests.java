package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MailslotListenerContainerOptions}: the defaults, the checks and
 * copies.
 */
class MailslotListenerContainerOptionsTests {

	@Test
	void theDefaultsAreTheDocumentedOnes() {
		MailslotListenerContainerOptions options = MailslotListenerContainerOptions.defaults();
		assertThat(options.concurrency()).isEqualTo(1);
		assertThat(options.pollTimeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.autoStartup()).isTrue();
		assertThat(options.observationConvention()).isNull();
		assertThat(options.failureHandler()).isInstanceOf(DefaultMailslotFailureHandler.class);
		assertThat(((DefaultMailslotFailureHandler) options.failureHandler()).getErrorHandler())
			.isSameAs(options.errorHandler());
	}

	@Test
	void badValuesAreRefusedWithTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> MailslotListenerContainerOptions.builder().concurrency(0))
			.withMessage("The listener concurrency must be at least 1, not 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MailslotListenerContainerOptions.builder().pollTimeout(Duration.ZERO))
			.withMessage("The listener poll timeout must be positive, not PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MailslotListenerContainerOptions.builder().shutdownTimeout(Duration.ofSeconds(-1)))
			.withMessage("The listener shutdown timeout must not be negative, not PT-1S");
	}

	@Test
	void aCopyKeepsEveryValueAndChangesOnlyWhatIsSet() {
		Executor executor = Runnable::run;
		MailslotErrorHandler errorHandler = (message, cause, attempts) -> {
		};
		MailslotListenerContainerOptions options = MailslotListenerContainerOptions.builder()
			.concurrency(3)
			.pollTimeout(Duration.ofMillis(20))
			.shutdownTimeout(Duration.ofSeconds(2))
			.autoStartup(false)
			.taskExecutor(executor)
			.errorHandler(errorHandler)
			.build();
		MailslotListenerContainerOptions copy = options.toBuilder().concurrency(5).build();
		assertThat(copy.concurrency()).isEqualTo(5);
		assertThat(copy.pollTimeout()).isEqualTo(Duration.ofMillis(20));
		assertThat(copy.shutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(copy.autoStartup()).isFalse();
		assertThat(copy.taskExecutor()).isSameAs(executor);
		assertThat(copy.errorHandler()).isSameAs(errorHandler);
		assertThat(options.concurrency()).isEqualTo(3);
	}

}
