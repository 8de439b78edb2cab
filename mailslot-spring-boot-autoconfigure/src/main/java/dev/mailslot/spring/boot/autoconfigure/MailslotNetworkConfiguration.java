package dev.mailslot.spring.boot.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
		Map<String, InetAddress> hosts = new LinkedHashMap<>();
		network.getHosts().forEach((host, address) -> hosts.put(host.toUpperCase(Locale.ROOT), address));
		NetbiosName name = netbiosName("mailslot.network.netbios-name", netbiosName(network));
		netbiosName("mailslot.network.workgroup", network.getWorkgroup());
		return new NetworkOptions(new InetSocketAddress(network.getBindAddress(), network.getPort()), network.getPort(),
				name, network.getWorkgroup(), network.getBroadcastAddress(), hosts, network.getDuplicateWindow(),
				network.getAllowedSources().stream().map(MailslotNetworkConfiguration::sourceNetwork).toList(),
				network.getMaxQueued(),
				network.getAcceptedNames().stream().map(MailslotNetworkConfiguration::acceptedName).toList(),
				receiveBufferSize(network));
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

	private static NetbiosName netbiosName(String property, String value) {
		try {
			return NetbiosName.of(value, 0x00);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
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
