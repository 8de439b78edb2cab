package dev.mailslot.transport.win32;

import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransportContractTests;
import dev.mailslot.MailslotTransports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailslot contract on real kernel32 mailslots: on Windows, and in CI on a Windows
 * JRE under Wine, where the differences Wine is known to have are relaxed, each by name.
 * <p>
 * What Windows documents, and the checks follow: GetMailslotInfo reports a maximum
 * message size "greater than or equal to" the one asked; waits move in clock ticks of
 * about 15.6 ms and "may time out in less than the specified length", so a finite read
 * timeout may end up to 20 ms early; and a writer cannot know the maximum message size,
 * which only the server's handle can ask for.
 * <p>
 * Where Microsoft documents no error code, a local write over the maximum message size
 * and a write or an open after the server closed, the checks expect exactly what
 * {@code mailslot_error_probe.exe} measured on this platform just before, as the file
 * {@code mailslot.win32.probe} names records it; without that file those two checks are
 * skipped.
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
		return WINE ? EnumSet.of(Relaxation.MESSAGE_COUNT_AT_MOST_ONE, Relaxation.ZERO_LENGTH_READ_FAILS)
				: EnumSet.noneOf(Relaxation.class);
	}

	@Override
	protected Outcome oversizedWriteOutcome() {
		return measured("oversize_write");
	}

	@Override
	protected Outcome writeAfterCloseOutcome() {
		return measured("write_after_close");
	}

	@Override
	protected Outcome openAfterCloseOutcome() {
		return measured("open_after_close");
	}

	private static Outcome measured(String key) {
		Win32Probe probe = Win32Probe.fromSystemProperty().orElse(null);
		Assumptions.assumeTrue(probe != null, () -> "Needs what mailslot_error_probe.exe measured here: set "
				+ Win32Probe.PROPERTY + " to a file of its output (see docs/windows.md)");
		if (probe.ranUnderWine() != WINE) {
			throw new IllegalStateException("The error probe's output " + probe + " was measured "
					+ (probe.ranUnderWine() ? "under Wine" : "on Windows") + ", but these tests run "
					+ (WINE ? "under Wine" : "on Windows") + ": run the probe where the tests run");
		}
		OptionalInt code = probe.errorCode(key);
		return code.isPresent() ? Outcome.refusedWith(code.getAsInt()) : Outcome.ACCEPTED;
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
