package dev.mailslot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.mailslot.spi.MailslotTransportProvider;
import dev.mailslot.spi.OperatingSystem;

/**
 * Finds transports by id and chooses the default one: of the transports that serve the
 * operating system, the one whose provider gives the highest
 * {@link MailslotTransportProvider#defaultPriority() default priority} ({@code win32} on
 * Windows, {@code posix} on Linux, {@code unix} on macOS and the BSDs). Where no
 * transport asks to be the default, a transport must be named.
 */
public final class MailslotTransports {

	/** The id that selects the platform's default transport. */
	public static final String AUTO = "auto";

	private MailslotTransports() {
	}

	/**
	 * Return a transport by id, or the platform's default for {@link #AUTO}.
	 * @param id the transport id or {@code auto}
	 * @return the transport
	 * @throws TransportUnavailableException if no such transport exists or it cannot run
	 * here; the message lists every transport and whether it can
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
			MailslotTransportProvider preferred = defaultProvider(providers.values(), osName);
			if (preferred == null) {
				throw new TransportUnavailableException(AUTO,
						"No default mailslot transport for " + platform + ": " + describeDefaults(providers) + ". "
								+ describe(providers) + ". Name one of those that can run here instead of 'auto'.");
			}
			return get(preferred.id(), providers, "the default transport for " + platform);
		}
		return get(wanted, providers, "mailslot transport '" + wanted + "'");
	}

	private static MailslotTransport get(String id, Map<String, MailslotTransportProvider> providers, String what) {
		MailslotTransportProvider provider = providers.get(id);
		if (provider == null) {
			throw new TransportUnavailableException(id, "The " + what + " does not exist in this build (no "
					+ "MailslotTransportProvider of that id in META-INF/services). " + describe(providers) + ".");
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
	 * @return the id of the transport of the highest default priority among those that
	 * serve the system, or {@code null} when none asks to be its default
	 */
	static @Nullable String defaultTransportId(String osName) {
		MailslotTransportProvider provider = defaultProvider(providers().values(), osName);
		return (provider != null) ? provider.id() : null;
	}

	/**
	 * Return the provider of the default transport for an operating system: of those that
	 * serve it, the one of the highest default priority, and of equal ones the first id
	 * in alphabetical order.
	 */
	static @Nullable MailslotTransportProvider defaultProvider(Collection<MailslotTransportProvider> providers,
			String osName) {
		return defaultProvider(providers, OperatingSystem.of(osName));
	}

	private static @Nullable MailslotTransportProvider defaultProvider(Collection<MailslotTransportProvider> providers,
			OperatingSystem system) {
		return providers.stream()
			.filter((provider) -> provider.defaultPriority().isPresent() && provider.platforms().contains(system))
			.max(Comparator.comparingInt((MailslotTransportProvider provider) -> provider.defaultPriority().getAsInt())
				.thenComparing(MailslotTransportProvider::id, Comparator.reverseOrder()))
			.orElse(null);
	}

	/**
	 * Return the ids of every transport found, whether or not it can run here.
	 * @return the ids, in the order found
	 */
	public static List<String> ids() {
		return Collections.unmodifiableList(new ArrayList<>(providers().keySet()));
	}

	/**
	 * Return the {@link PlatformOption platform options} a transport reads, as its
	 * provider declares them.
	 * @param id the transport's id
	 * @return the options it reads; empty for a transport that reads none or is not found
	 */
	public static Set<PlatformOption> platformOptions(String id) {
		MailslotTransportProvider provider = providers().get(id.trim().toLowerCase(Locale.ROOT));
		return (provider != null) ? Collections.unmodifiableSet(provider.platformOptions()) : Set.of();
	}

	private static Map<String, MailslotTransportProvider> providers() {
		Map<String, MailslotTransportProvider> providers = new LinkedHashMap<>();
		for (MailslotTransportProvider provider : ServiceLoader.load(MailslotTransportProvider.class,
				MailslotTransports.class.getClassLoader())) {
			providers.putIfAbsent(provider.id(), provider);
		}
		return providers;
	}

	private static String describeDefaults(Map<String, MailslotTransportProvider> providers) {
		List<String> defaults = new ArrayList<>();
		for (OperatingSystem system : OperatingSystem.values()) {
			MailslotTransportProvider provider = defaultProvider(providers.values(), system);
			if (provider != null) {
				defaults.add(provider.id() + " on " + system.displayName());
			}
		}
		return defaults.isEmpty() ? "no transport asks to be a default"
				: "the defaults are " + String.join(", ", defaults);
	}

	private static String describe(Map<String, MailslotTransportProvider> providers) {
		return "Transports: " + providers.values()
			.stream()
			.map((provider) -> provider.id() + provider.unavailableReason()
				.map((reason) -> " (cannot run here: " + reason + ")")
				.orElse(" (can run here)"))
			.collect(Collectors.joining(", "));
	}

}
