package dev.mailslot.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.spring.core.MailslotServerStartupException;

/**
 * Turns {@code mailslot.servers.*} into server options, naming the property of any bad value.
 */
final class MailslotServerOptionsMapper {

	static final String SERVERS_PREFIX = "mailslot.servers";

	private MailslotServerOptionsMapper() {
	}

	static Map<String, MailslotServerOptions> map(MailslotProperties properties) {
		Map<String, MailslotServerOptions> options = new LinkedHashMap<>();
		properties.getServers().forEach((id, server) -> options.put(id, map(id, server)));
		return options;
	}

	private static MailslotServerOptions map(String id, MailslotProperties.Server server) {
		String prefix = SERVERS_PREFIX + "." + id;
		String text = StringUtils.hasText(server.getName()) ? server.getName() : id;
		MailslotServerOptions.Builder builder;
		try {
			builder = MailslotServerOptions.builder(MailslotName.parse(text));
		}
		catch (InvalidMailslotNameException ex) {
			throw new MailslotServerStartupException(prefix + ".name", text, ex);
		}
		long maxMessageSize = server.getMaxMessageSize().toBytes();
		if (maxMessageSize < 0 || maxMessageSize > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".max-message-size",
					server.getMaxMessageSize(), "Give 0 for any size, or a size up to " + Integer.MAX_VALUE + " bytes.");
		}
		if (server.getQueueCapacity() < 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".queue-capacity", server.getQueueCapacity(),
					"Give 0 for the system's default capacity, or a positive number of messages.");
		}
		return builder.maxMessageSize((int) maxMessageSize)
			.readTimeout(server.getReadTimeout())
			.inheritHandle(server.isInheritHandle())
			.securityDescriptor(server.getSecurityDescriptor())
			.mode(mode(prefix + ".mode", server.getMode()))
			.queueCapacity(server.getQueueCapacity())
			.build();
	}

	/**
	 * Read octal permission bits. A leading 0 is required: unquoted in YAML, 0620 is read as the
	 * number 400, which must not pass for mode 0400.
	 */
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
