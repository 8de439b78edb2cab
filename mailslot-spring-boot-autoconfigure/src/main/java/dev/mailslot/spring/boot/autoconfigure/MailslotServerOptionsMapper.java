package dev.mailslot.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

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
		MailslotName name;
		try {
			name = MailslotName.parse(text);
		}
		catch (InvalidMailslotNameException ex) {
			throw new MailslotServerStartupException(prefix + ".name", text, ex);
		}
		long maxMessageSize = server.getMaxMessageSize().toBytes();
		if (maxMessageSize < 0 || maxMessageSize > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(prefix + ".max-message-size is " + server.getMaxMessageSize()
					+ "; give 0 for any size, or a size up to " + Integer.MAX_VALUE + " bytes");
		}
		return MailslotServerOptions.builder(name)
			.maxMessageSize((int) maxMessageSize)
			.readTimeout(server.getReadTimeout())
			.inheritHandle(server.isInheritHandle())
			.securityDescriptor(server.getSecurityDescriptor())
			.mode(mode(prefix, server.getMode()))
			.queueCapacity(server.getQueueCapacity())
			.build();
	}

	private static int mode(String prefix, String mode) {
		try {
			int value = Integer.parseInt(mode.trim(), 8);
			if ((value & ~0777) == 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException(prefix + ".mode is '" + mode + "'; give octal permission bits such as "
				+ "0600 (owner only) or 0620 (owner, and the group may write)");
	}

}
