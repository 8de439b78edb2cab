package dev.mailslot.transport.posix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PosixQueueNames}, the documented mapping other languages rely on.
 */
class PosixQueueNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\\\\.\\mailslot\\sample_mailslot | /mailslot.sample_mailslot",
			"\\\\.\\mailslot\\Abc\\Def | /mailslot.abc%5Cdef", "\\\\.\\MAILSLOT\\abc\\DEF | /mailslot.abc%5Cdef",
			"orders | /mailslot.orders", "'100% sure' | /mailslot.100%25%20sure", "Zürich | /mailslot.z%C3%BCrich",
			"a~b!c{d}.e | /mailslot.a~b!c{d}.e" })
	void mapsNamesAsDocumented(String name, String queueName) {
		assertThat(PosixQueueNames.queueName(MailslotName.parse(name))).isEqualTo(queueName);
	}

	@Test
	void refusesRemoteNames() {
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> PosixQueueNames.queueName(MailslotName.parse("\\\\HOST\\mailslot\\x")))
			.withMessageContaining("only names on this host")
			.withMessageContaining("network transport");
	}

	@Test
	void refusesNamesWhoseQueueNameIsTooLong() {
		assertThat(PosixQueueNames.queueName(MailslotName.local("x".repeat(240)))).hasSize(250);
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> PosixQueueNames.queueName(MailslotName.local("\u00e9".repeat(41))))
			.withMessageContaining("246 bytes after '/mailslot.', more than the 240");
	}

}
