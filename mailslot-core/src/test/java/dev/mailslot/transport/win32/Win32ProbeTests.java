package dev.mailslot.transport.win32;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Reading the error probe's output, as it prints it.
 */
class Win32ProbeTests {

	private final Win32Probe probe = Win32Probe.parse("probe.txt",
			List.of("# mailslot_error_probe: <key>=<value>  # <what was done>",
					"wine_version=none  # ntdll's wine_get_version, none on Windows",
					"oversize_write=error 87  # local WriteFile of 17 bytes to a mailslot of at most 16",
					"write_after_close=ok  # WriteFile through a client opened before the server closed",
					"domain_write=left out  # --no-network", "overtaken_read.next_size=71680"));

	@Test
	void anErrorIsItsCodeAndOkIsNone() {
		assertThat(this.probe.errorCode("oversize_write")).hasValue(87);
		assertThat(this.probe.errorCode("write_after_close")).isEmpty();
		assertThat(this.probe.value("overtaken_read.next_size")).isEqualTo("71680");
		assertThat(this.probe.ranUnderWine()).isFalse();
	}

	@Test
	void aMissingOrUnreadableResultFailsNamingTheFileAndTheKey() {
		assertThatIllegalStateException().isThrownBy(() -> this.probe.errorCode("open_after_close"))
			.withMessageContaining("probe.txt")
			.withMessageContaining("open_after_close=");
		assertThatIllegalStateException().isThrownBy(() -> this.probe.errorCode("domain_write"))
			.withMessageContaining("domain_write=left out");
	}

}
