package dev.mailslot.transport.win32;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransportContractTests;
import dev.mailslot.MailslotTransports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailslot contract on real kernel32 mailslots: on Windows, and in CI on a Windows JRE under
 * Wine, where the differences Wine is known to have are relaxed, each by name.
 * <p>
 * What Windows documents, and the checks follow: GetMailslotInfo reports a maximum message size
 * "greater than or equal to" the one asked; waits move in clock ticks of about 15.6 ms and "may time
 * out in less than the specified length", so a finite read timeout may end up to 20 ms early; and a
 * writer cannot know the maximum message size, which only the server's handle can ask for.
 */
@EnabledOnOs(OS.WINDOWS)
class Win32MailslotTransportTests extends MailslotTransportContractTests {

	private static final boolean WINE = Wine.isRunning();

	@Override
	protected MailslotTransport transport() {
		return MailslotTransports.get("win32");
	}

	@Override
	protected Set<Relaxation> relaxations() {
		return WINE ? EnumSet.of(Relaxation.MESSAGE_COUNT_AT_MOST_ONE, Relaxation.MAX_SIZE_NOT_ENFORCED_ON_WRITE,
				Relaxation.ZERO_LENGTH_READ_FAILS, Relaxation.CLOSED_NAME_LIVES_WHILE_CLIENTS_OPEN)
				: EnumSet.noneOf(Relaxation.class);
	}

	@Override
	protected void assertReportedMaxMessageSize(int reported, int asked) {
		assertThat(reported).isGreaterThanOrEqualTo(asked);
	}

	@Override
	protected boolean writerKnowsMaxMessageSize() {
		return false;
	}

	@Override
	protected Duration finiteTimeoutEarliness() {
		return Duration.ofMillis(20);
	}

}
