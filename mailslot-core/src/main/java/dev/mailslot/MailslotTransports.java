package dev.mailslot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import dev.mailslot.spi.MailslotTransportProvider;

/**
 * Finds transports by id and chooses the default one: {@code win32} on Windows, {@code posix} on
 * Linux. Elsewhere there is no default and a transport must be named.
 */
public final class MailslotTransports {

	/** The id that selects the platform's default transport. */
	public static final String AUTO = "auto";

	private static final List<String> KNOWN = List.of("win32", "posix", "memory", "network");

	private MailslotTransports() {
	}

	/**
	 * Return a transport by id, or the platform's default for {@link #AUTO}.
	 * @param id the transport id or {@code auto}
	 * @return the transport
	 * @throws TransportUnavailableException if no such transport exists or it cannot run here; the
	 * message lists every transport and whether it can
	 */
	public static MailslotTransport get(String id) {
		return get(id, System.getProperty("os.name"));
	}

	/**
	 * Return a transport by id, choosing the default of the given operating system for
	 * {@link #AUTO}.
	 */
	static MailslotTransport get(String id, String osName) {
		String wanted = id.trim().toLowerCase(Locale.ROOT);
		Map<String, MailslotTransportProvider> providers = providers();
		if (wanted.equals(AUTO)) {
			String platform = osName + " (" + System.getProperty("os.arch") + ")";
			String preferred = defaultTransportId(osName);
			if (preferred == null) {
				throw new TransportUnavailableException(AUTO, "No default mailslot transport for " + platform
						+ ": win32 needs Windows and posix needs Linux. " + describe(providers)
						+ ". Name one of those that can run here instead of 'auto'.");
			}
			return get(preferred, providers, "the default transport for " + platform);
		}
		return get(wanted, providers, "mailslot transport '" + wanted + "'");
	}

	private static MailslotTransport get(String id, Map<String, MailslotTransportProvider> providers, String what) {
		MailslotTransportProvider provider = providers.get(id);
		if (provider == null) {
			String planned = KNOWN.contains(id) ? " is not part of this build" : " does not exist";
			throw new TransportUnavailableException(id, "The " + what + planned + ". " + describe(providers) + ".");
		}
		String reason = provider.unavailableReason().orElse(null);
		if (reason != null) {
			throw new TransportUnavailableException(id,
					"The " + what + " cannot run here: " + reason + ". " + describe(providers) + ".");
		}
		return provider.transport();
	}

	/**
	 * Return the id of the default transport for an operating system.
	 * @param osName the value of the {@code os.name} system property
	 * @return {@code win32}, {@code posix}, or {@code null} when there is no default
	 */
	static String defaultTransportId(String osName) {
		String os = osName.toLowerCase(Locale.ROOT);
		if (os.startsWith("windows")) {
			return "win32";
		}
		return os.equals("linux") ? "posix" : null;
	}

	/**
	 * Return the ids of every transport found, whether or not it can run here.
	 * @return the ids, in the order found
	 */
	public static List<String> ids() {
		return Collections.unmodifiableList(new ArrayList<>(providers().keySet()));
	}

	private static Map<String, MailslotTransportProvider> providers() {
		Map<String, MailslotTransportProvider> providers = new LinkedHashMap<>();
		for (MailslotTransportProvider provider : ServiceLoader.load(MailslotTransportProvider.class,
				MailslotTransports.class.getClassLoader())) {
			providers.putIfAbsent(provider.id(), provider);
		}
		return providers;
	}

	private static String describe(Map<String, MailslotTransportProvider> providers) {
		return "Transports: " + providers.values()
			.stream()
			.map((provider) -> provider.id() + provider.unavailableReason().map((reason) -> " (cannot run here: "
					+ reason + ")").orElse(" (can run here)"))
			.collect(Collectors.joining(", "));
	}

}
