package dev.mailslot.transport.network;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DuplicateDatagrams}: what counts as the same write from the same sender, and
 * that its memory stays bounded.
 */
class DuplicateDatagramsTests {

	private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 138);

	private static final InetSocketAddress B = new InetSocketAddress("127.0.0.2", 138);

	private static MailslotDatagram write(String text) {
		return new MailslotDatagram(DatagramType.DIRECT_UNIQUE, MailslotDatagram.FIRST, 1, 0x7F000001, 138,
				NetbiosName.of("AHOST", 0), NetbiosName.of("BHOST", 0), MailslotDatagram.TransactionFields.DEFAULTS,
				"\\MAILSLOT\\inbox", text.getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void theSameWriteFromTheSameSenderWithinTheWindowIsADuplicate() {
		DuplicateDatagrams duplicates = new DuplicateDatagrams(Duration.ofMinutes(1));
		assertThat(duplicates.isDuplicate(A, write("hello"))).isFalse();
		assertThat(duplicates.isDuplicate(A, write("hello"))).isTrue();
		assertThat(duplicates.isDuplicate(B, write("hello"))).as("another sender").isFalse();
		assertThat(duplicates.isDuplicate(A, write("hellO"))).as("other data").isFalse();
	}

	@Test
	void aZeroWindowKeepsEveryWrite() {
		DuplicateDatagrams duplicates = new DuplicateDatagrams(Duration.ZERO);
		assertThat(duplicates.isDuplicate(A, write("hello"))).isFalse();
		assertThat(duplicates.isDuplicate(A, write("hello"))).isFalse();
	}

	@Test
	void aWriteIsForgottenOnceItsWindowHasPassed() throws InterruptedException {
		DuplicateDatagrams duplicates = new DuplicateDatagrams(Duration.ofMillis(50));
		assertThat(duplicates.isDuplicate(A, write("hello"))).isFalse();
		Thread.sleep(200);
		assertThat(duplicates.isDuplicate(A, write("hello"))).isFalse();
	}

	@Test
	void theOldestWritesAreForgottenBeyondTheMostRemembered() {
		DuplicateDatagrams duplicates = new DuplicateDatagrams(Duration.ofMinutes(1));
		for (int i = 0; i <= DuplicateDatagrams.MAX_REMEMBERED; i++) {
			assertThat(duplicates.isDuplicate(A, write("write " + i))).isFalse();
		}
		assertThat(duplicates.isDuplicate(A, write("write 0"))).as("the oldest, forgotten").isFalse();
		assertThat(duplicates.isDuplicate(A, write("write " + DuplicateDatagrams.MAX_REMEMBERED)))
			.as("the newest, remembered")
			.isTrue();
	}

}
