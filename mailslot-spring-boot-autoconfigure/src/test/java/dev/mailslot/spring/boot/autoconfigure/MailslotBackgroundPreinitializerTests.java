package dev.mailslot.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link MailslotBackgroundPreinitializer}.
 */
class MailslotBackgroundPreinitializerTests {

	@Test
	void bootFindsIt() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(BackgroundPreinitializer.class))
			.hasAtLeastOneElementOfType(MailslotBackgroundPreinitializer.class);
	}

	@Test
	void itPreloadsThePlatformTransportWithoutFailing() {
		assertThatNoException().isThrownBy(() -> new MailslotBackgroundPreinitializer().preinitialize());
	}

}
