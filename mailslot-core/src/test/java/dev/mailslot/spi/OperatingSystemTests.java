package dev.mailslot.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OperatingSystem}.
 */
class OperatingSystemTests {

	@Test
	void tellsTheFamiliesApartByTheirOsName() {
		assertThat(OperatingSystem.of("Windows 11")).isEqualTo(OperatingSystem.WINDOWS);
		assertThat(OperatingSystem.of("Windows Server 2025")).isEqualTo(OperatingSystem.WINDOWS);
		assertThat(OperatingSystem.of("Linux")).isEqualTo(OperatingSystem.LINUX);
		assertThat(OperatingSystem.of("Mac OS X")).isEqualTo(OperatingSystem.MACOS);
		assertThat(OperatingSystem.of("FreeBSD")).isEqualTo(OperatingSystem.BSD);
		assertThat(OperatingSystem.of("OpenBSD")).isEqualTo(OperatingSystem.BSD);
		assertThat(OperatingSystem.of("NetBSD")).isEqualTo(OperatingSystem.BSD);
		assertThat(OperatingSystem.of("DragonFlyBSD")).isEqualTo(OperatingSystem.BSD);
		assertThat(OperatingSystem.of("SunOS")).isEqualTo(OperatingSystem.OTHER);
		assertThat(OperatingSystem.of("AIX")).isEqualTo(OperatingSystem.OTHER);
	}

}
