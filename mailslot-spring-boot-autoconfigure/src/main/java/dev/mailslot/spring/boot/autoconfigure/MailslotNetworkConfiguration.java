package dev.mailslot.spring.boot.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.transport.network.NetbiosName;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.network.NetworkOptions;
import dev.mailslot.transport.network.SourceNetwork;

/**
 * The {@code network} transport, when {@code mailslot.network.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mailslot.network.enabled")
class MailslotNetworkConfiguration {

	private static final Log logger = LogFactory.getLog(MailslotNetworkConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	MailslotNetwork mailslotNetwork(MailslotNetworkProperties properties) {
		NetworkOptions options = options(properties);
		NetworkMailslotTransport transport = NetworkMailslotTransport.start(options);
		logger.warn("Remote mailslots are on (mailslot.network.enabled=true), receiving on "
				+ transport.getLocalAddress() + " as " + options.netbiosName() + " in " + options.workgroup()
				+ ". Remote mailslot writes are unauthenticated, and Windows 11 and Windows Server 2025 are "
				+ "retiring them; use them only on a trusted network (see mailslot.network.allowed-sources)");
		return new MailslotNetwork(transport);
	}

	static NetworkOptions options(MailslotNetworkProperties network) {
		NetworkOptions.Builder options = NetworkOptions.builder();
		set("mailslot.network.port", network.getPort(),
				(port) -> options.bind(new InetSocketAddress(network.getBindAddress(), port)).sendPort(port));
		set("mailslot.network.netbios-name", netbiosName(network),
				(name) -> options.netbiosName(NetbiosName.of(name, 0x00)));
		set("mailslot.network.workgroup", network.getWorkgroup(), options::workgroup);
		options.broadcastAddress(network.getBroadcastAddress());
		options.hosts(network.getHosts());
		set("mailslot.network.duplicate-window", network.getDuplicateWindow(), options::duplicateWindow);
		options.allowedSources(
				network.getAllowedSources().stream().map(MailslotNetworkConfiguration::sourceNetwork).toList());
		set("mailslot.network.max-queued", network.getMaxQueued(), options::maxQueued);
		options.acceptedNames(
				network.getAcceptedNames().stream().map(MailslotNetworkConfiguration::acceptedName).toList());
		options.receiveBufferSize(receiveBufferSize(network));
		return options.build();
	}

	/**
	 * Give a property's value to the options' builder, which checks it: a value it
	 * refuses fails start-up naming the property.
	 */
	private static <T> void set(String property, T value, Consumer<T> setter) {
		try {
			setter.accept(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
		}
	}

	private static int receiveBufferSize(MailslotNetworkProperties network) {
		long bytes = network.getReceiveBufferSize().toBytes();
		if (bytes < 0 || bytes > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException("mailslot.network.receive-buffer-size",
					network.getReceiveBufferSize(), "Give 0 for the system's default, or a size up to 2 GiB.");
		}
		return (int) bytes;
	}

	private static NetbiosName acceptedName(String value) {
		try {
			return NetbiosName.parse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("mailslot.network.accepted-names", value,
					ex.getMessage());
		}
	}

	private static SourceNetwork sourceNetwork(String value) {
		try {
			return SourceNetwork.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("mailslot.network.allowed-sources", value,
					ex.getMessage());
		}
	}

	private static String netbiosName(MailslotNetworkProperties network) {
		if (StringUtils.hasText(network.getNetbiosName())) {
			return network.getNetbiosName();
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "JAVAHOST";
		}
		String label = host.split("\\.", 2)[0].toUpperCase(Locale.ROOT);
		return (label.length() > NetbiosName.MAX_LENGTH) ? label.substring(0, NetbiosName.MAX_LENGTH) : label;
	}

}
