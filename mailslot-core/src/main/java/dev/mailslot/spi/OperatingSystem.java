package dev.mailslot.spi;

import java.util.Locale;

/**
 * The families of operating systems a transport can serve, told apart by the
 * {@code os.name} system property.
 */
public enum OperatingSystem {

	/** Windows: {@code os.name} starts with {@code Windows}. */
	WINDOWS("Windows"),

	/** Linux. */
	LINUX("Linux"),

	/** macOS: {@code os.name} is {@code Mac OS X}. */
	MACOS("macOS"),

	/** FreeBSD, OpenBSD, NetBSD and DragonFly BSD. */
	BSD("the BSDs"),

	/** Any other system, such as Solaris or AIX. */
	OTHER("other systems");

	private final String displayName;

	OperatingSystem(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * Return the name of the family in messages.
	 * @return the name, for example {@code macOS}
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Return the family of an operating system.
	 * @param osName the value of the {@code os.name} system property
	 * @return the family, {@link #OTHER} when none matches
	 */
	public static OperatingSystem of(String osName) {
		String os = osName.trim().toLowerCase(Locale.ROOT);
		if (os.startsWith("windows")) {
			return WINDOWS;
		}
		if (os.equals("linux")) {
			return LINUX;
		}
		if (os.startsWith("mac os x") || os.equals("darwin")) {
			return MACOS;
		}
		if (os.endsWith("bsd")) {
			return BSD;
		}
		return OTHER;
	}

	/**
	 * Return the family of the operating system this JVM runs on.
	 * @return the family of {@code os.name}
	 */
	public static OperatingSystem current() {
		return of(System.getProperty("os.name"));
	}

}
