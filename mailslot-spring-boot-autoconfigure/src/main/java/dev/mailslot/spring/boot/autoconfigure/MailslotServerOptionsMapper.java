package dev.mailslot.spring.boot.autoconfigure;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.PlatformOption;
import dev.mailslot.spring.core.MailslotServerStartupException;
import dev.mailslot.spring.support.converter.MailslotText;
import dev.mailslot.spring.support.converter.MailslotTextMessageConverter;
import dev.mailslot.transport.posix.PosixHoldMemory;
import dev.mailslot.transport.unix.UnixMailslotTransport;

/**
 * Turns {@code mailslot.servers.*} into server options, naming the property of any bad
 * value.
 */
final class MailslotServerOptionsMapper {

	static final String SERVERS_PREFIX = "mailslot.servers";

	static final String SERVER_DEFAULTS_PREFIX = "mailslot.server-defaults";

	static final String UNIX_DIRECTORY = "mailslot.unix.directory";

	private static final Log logger = LogFactory.getLog(MailslotServerOptionsMapper.class);

	private static final String DEFAULT_MODE = "0600";

	private MailslotServerOptionsMapper() {
	}

	/**
	 * Make the options of the {@code mailslot.servers} entries: an entry's own property
	 * first, then {@code mailslot.server-defaults}, then the built-in default.
	 * @param properties the properties
	 * @param transport the transport's id, for the warning of options it ignores
	 * @return the options by server id
	 */
	static Map<String, MailslotServerOptions> map(MailslotProperties properties, String transport) {
		Map<String, MailslotServerOptions> options = new LinkedHashMap<>();
		options(SERVER_DEFAULTS_PREFIX, properties.getServerDefaults());
		properties.getServers().forEach((id, server) -> {
			options.put(id, map(id, server, properties.getServerDefaults()));
			warnOfIgnoredOptions(SERVERS_PREFIX + "." + id, own(server), transport);
		});
		return options;
	}

	/**
	 * Warn of platform options the transport does not use, so that nobody relies on a
	 * security descriptor on Linux or a mode on Windows. Which options a transport reads
	 * is what its provider declares.
	 */
	private static void warnOfIgnoredOptions(String prefix, MailslotProperties.ServerOptions server, String transport) {
		Set<PlatformOption> read = MailslotTransports.platformOptions(transport);
		List<String> ignored = new ArrayList<>();
		for (PlatformOption option : PlatformOption.values()) {
			if (!read.contains(option) && isSet(option, server)) {
				ignored.add(prefix + "." + option.dashedName());
			}
		}
		if (!ignored.isEmpty()) {
			String access = read.stream()
				.filter(PlatformOption::controlsAccess)
				.map((option) -> "; access to it is set by " + prefix + "." + option.dashedName())
				.findFirst()
				.orElse("");
			logger.warn("The " + transport + " transport does not use " + String.join(", ", ignored) + access
					+ ". Remove them, or set them for the transport that reads them (" + readersOf(ignored, prefix)
					+ ")");
		}
	}

	private static boolean isSet(PlatformOption option, MailslotProperties.ServerOptions server) {
		return switch (option) {
			case INHERIT_HANDLE -> server.isInheritHandle();
			case SECURITY_DESCRIPTOR -> server.getSecurityDescriptor() != null;
			case MODE -> !server.getMode().trim().equals(DEFAULT_MODE);
			case ALLOW_WORLD_ACCESS -> server.isAllowWorldAccess();
			case QUEUE_CAPACITY -> server.getQueueCapacity() != 0;
			case HOLD_CAPACITY -> server.getHoldCapacity() != MailslotServerOptions.DEFAULT_HOLD_CAPACITY;
		};
	}

	private static String readersOf(List<String> ignored, String prefix) {
		List<String> readers = new ArrayList<>();
		for (String id : MailslotTransports.ids()) {
			List<String> options = MailslotTransports.platformOptions(id)
				.stream()
				.map((option) -> option.dashedName())
				.filter((name) -> ignored.contains(prefix + "." + name))
				.sorted()
				.toList();
			if (!options.isEmpty()) {
				readers.add(id + ": " + String.join(", ", options));
			}
		}
		return String.join("; ", readers);
	}

	/**
	 * Make the options of the servers created for listeners whose mailslot no
	 * {@code mailslot.servers} entry configures, from {@code mailslot.server-defaults}.
	 * The options are checked at once, so that a bad value stops the start-up, not the
	 * first listener.
	 * @param properties the properties
	 * @param transport the transport's id, for the warning of options it ignores
	 * @return the options of a server by its name
	 */
	static Function<MailslotName, MailslotServerOptions> defaults(MailslotProperties properties, String transport) {
		MailslotProperties.ServerDefaults defaults = properties.getServerDefaults();
		UnaryOperator<MailslotServerOptions.Builder> options = options(SERVER_DEFAULTS_PREFIX, defaults);
		warnOfIgnoredOptions(SERVER_DEFAULTS_PREFIX, defaults, transport);
		return (name) -> options.apply(MailslotServerOptions.builder(name)).build();
	}

	/**
	 * Set the memory that all posix servers of the process hold messages in, if the
	 * property sets it. Left unset, it is what the system property or the default gives
	 * (an eighth of the heap).
	 */
	static void applyPosixHoldMemory(MailslotProperties.Posix posix) {
		DataSize holdMemory = posix.getHoldMemory();
		if (holdMemory == null) {
			return;
		}
		if (holdMemory.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("mailslot.posix.hold-memory", holdMemory,
					"Give the memory that all posix mailslots may hold messages in together, such as 64MB, or 0 to "
							+ "hold none (messages then wait in their queues)");
		}
		try {
			PosixHoldMemory.setLimit(holdMemory.toBytes());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("mailslot.posix.hold-memory", holdMemory,
					ex.getMessage());
		}
	}

	/**
	 * Put the unix transport on the directory of mailslot.unix.directory, if the property
	 * sets it; a directory that cannot work fails naming the property.
	 */
	static MailslotTransport unixDirectory(MailslotTransport transport, MailslotProperties.Unix unix) {
		Path directory = unix.getDirectory();
		if (directory == null || !(transport instanceof UnixMailslotTransport)) {
			return transport;
		}
		try {
			return UnixMailslotTransport.in(directory, UNIX_DIRECTORY);
		}
		catch (MailslotException ex) {
			throw new InvalidConfigurationPropertyValueException(UNIX_DIRECTORY, directory, ex.getMessage());
		}
	}

	/**
	 * Make the converter of String payloads from mailslot.charset,
	 * mailslot.listener.keep-nul-terminator, mailslot.template.nul-terminated and each
	 * server's charset and nul-terminated. A server whose name does not parse is left to
	 * the server's own start-up report.
	 */
	static MailslotTextMessageConverter textConverter(MailslotProperties properties) {
		Charset charset = properties.getCharset();
		boolean nulTerminated = properties.getTemplate().isNulTerminated();
		Map<MailslotName, MailslotText> texts = new LinkedHashMap<>();
		properties.getServers().forEach((id, server) -> {
			if (server.getCharset() != null || server.getNulTerminated() != null) {
				try {
					texts.put(MailslotName.parse(StringUtils.hasText(server.getName()) ? server.getName() : id),
							new MailslotText((server.getCharset() != null) ? server.getCharset() : charset,
									(server.getNulTerminated() != null) ? server.getNulTerminated() : nulTerminated));
				}
				catch (InvalidMailslotNameException ex) {
					// Reported when the server is created.
				}
			}
		});
		return new MailslotTextMessageConverter(new MailslotText(charset, nulTerminated), texts,
				properties.getListener().isKeepNulTerminator());
	}

	private static MailslotServerOptions map(String id, MailslotProperties.Server server,
			MailslotProperties.ServerDefaults defaults) {
		String prefix = SERVERS_PREFIX + "." + id;
		String text = StringUtils.hasText(server.getName()) ? server.getName() : id;
		MailslotServerOptions.Builder builder;
		try {
			builder = MailslotServerOptions.builder(MailslotName.parse(text));
		}
		catch (InvalidMailslotNameException ex) {
			throw new MailslotServerStartupException(prefix + ".name", text, ex);
		}
		MailslotProperties.ServerOptions merged = merge(server, defaults);
		String modePrefix = (server.getMode() != null || server.getAllowWorldAccess() != null) ? prefix
				: SERVER_DEFAULTS_PREFIX;
		return options(prefix, modePrefix, merged).apply(builder).build();
	}

	/**
	 * Return the options an entry sets itself, over the built-in defaults.
	 */
	private static MailslotProperties.ServerOptions own(MailslotProperties.Server server) {
		return merge(server, new MailslotProperties.ServerDefaults());
	}

	/**
	 * Return the options of an entry: each that it sets, else the default's.
	 */
	private static MailslotProperties.ServerOptions merge(MailslotProperties.Server server,
			MailslotProperties.ServerOptions defaults) {
		MailslotProperties.ServerOptions merged = new MailslotProperties.ServerOptions();
		merged.setMaxMessageSize(orElse(server.getMaxMessageSize(), defaults.getMaxMessageSize()));
		merged.setReadTimeout(orElse(server.getReadTimeout(), defaults.getReadTimeout()));
		merged.setInheritHandle(orElse(server.getInheritHandle(), defaults.isInheritHandle()));
		merged.setSecurityDescriptor((server.getSecurityDescriptor() != null) ? server.getSecurityDescriptor()
				: defaults.getSecurityDescriptor());
		merged.setMode(orElse(server.getMode(), defaults.getMode()));
		merged.setQueueCapacity(orElse(server.getQueueCapacity(), defaults.getQueueCapacity()));
		merged.setHoldCapacity(orElse(server.getHoldCapacity(), defaults.getHoldCapacity()));
		merged.setAllowWorldAccess(orElse(server.getAllowWorldAccess(), defaults.isAllowWorldAccess()));
		return merged;
	}

	private static <T> T orElse(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * Check the options of a server and return what sets them on a builder.
	 */
	private static UnaryOperator<MailslotServerOptions.Builder> options(String prefix,
			MailslotProperties.ServerOptions server) {
		return options(prefix, prefix, server);
	}

	/**
	 * Check the options of a server, naming the properties under the given prefixes, and
	 * return what sets them on a builder.
	 * @param prefix the prefix of the server's properties
	 * @param modePrefix the prefix of the mode and allow-world-access the server takes
	 */
	private static UnaryOperator<MailslotServerOptions.Builder> options(String prefix, String modePrefix,
			MailslotProperties.ServerOptions server) {
		long maxMessageSize = server.getMaxMessageSize().toBytes();
		if (maxMessageSize < 0 || maxMessageSize > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".max-message-size",
					server.getMaxMessageSize(),
					"Give 0 for any size, or a size up to " + Integer.MAX_VALUE + " bytes.");
		}
		if (server.getQueueCapacity() < 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".queue-capacity", server.getQueueCapacity(),
					"Give 0 for the system's default capacity, or a positive number of messages.");
		}
		if (server.getHoldCapacity() < 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".hold-capacity", server.getHoldCapacity(),
					"Give 0 to leave messages in the queue, or a positive number of messages to hold in memory "
							+ "while the listener does not read (" + MailslotServerOptions.DEFAULT_HOLD_CAPACITY
							+ " by default).");
		}
		int mode = mode(modePrefix, server);
		return (builder) -> builder.maxMessageSize((int) maxMessageSize)
			.readTimeout(server.getReadTimeout())
			.inheritHandle(server.isInheritHandle())
			.securityDescriptor(server.getSecurityDescriptor())
			.mode(mode)
			.queueCapacity(server.getQueueCapacity())
			.allowWorldAccess(server.isAllowWorldAccess())
			.holdCapacity(server.getHoldCapacity());
	}

	/**
	 * Read octal permission bits. A leading 0 is required: unquoted in YAML, 0620 is read
	 * as the number 400, which must not pass for mode 0400.
	 */
	private static int mode(String prefix, MailslotProperties.ServerOptions server) {
		int mode = mode(prefix + ".mode", server.getMode());
		if ((mode & 07) != 0 && !server.isAllowWorldAccess()) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".mode", server.getMode(), "It lets every "
					+ "user of this host at the mailslot's queue: any of them could send messages it does not expect, "
					+ "or take its messages. Give a mode whose last digit is 0, such as '0620' with the writers in "
					+ "the queue's group, or set " + prefix + ".allow-world-access=true if every user is meant to.");
		}
		return mode;
	}

	private static int mode(String property, String mode) {
		String text = mode.trim();
		if (text.startsWith("0")) {
			try {
				int value = Integer.parseInt(text, 8);
				if ((value & ~0777) == 0) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// Reported below.
			}
		}
		throw new InvalidConfigurationPropertyValueException(property, mode, "Give octal permission bits with a "
				+ "leading 0, such as '0600' (owner only) or '0620' (owner, and the group may write), in quotes in "
				+ "YAML: unquoted, YAML reads 0620 as the number 400.");
	}

}
