package dev.mailslot.spring.boot.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.transport.network.NetbiosName;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.network.NetworkOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code network} transport in a Boot application, on loopback: 127.0.0.2
 * for the application, 127.0.0.1 for the peer.
 */
class MailslotNetworkConfigurationTests {

	private static final InetAddress APP = address("127.0.0.2");

	private static final InetAddress PEER = address("127.0.0.1");

	private final int port = freePort();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
		.withPropertyValues("mailslot.network.bind-address=127.0.0.2", "mailslot.network.port=" + this.port,
				"mailslot.network.netbios-name=APPHOST", "mailslot.network.workgroup=MSLTEST",
				"mailslot.network.broadcast-address=127.0.0.1", "mailslot.network.hosts.peerhost=127.0.0.1",
				"mailslot.listener.poll-timeout=100ms");

	private static InetAddress address(String text) {
		try {
			return InetAddress.getByName(text);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (DatagramChannel channel = DatagramChannel.open()) {
			channel.bind(new InetSocketAddress(APP, 0));
			return ((InetSocketAddress) channel.getLocalAddress()).getPort();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private NetworkMailslotTransport peer() {
		return NetworkMailslotTransport.start(NetworkOptions.builder()
			.bind(new InetSocketAddress(PEER, this.port))
			.sendPort(this.port)
			.netbiosName(NetbiosName.of("PEERHOST", 0))
			.workgroup("MSLTEST")
			.broadcastAddress(APP)
			.hosts(Map.of("APPHOST", APP))
			.build());
	}

	@Test
	void isOffByDefault() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withPropertyValues("mailslot.transport=memory")
			.run((context) -> assertThat(context).doesNotHaveBean(MailslotNetwork.class));
	}

	@Test
	void aRemoteWriteReachesAListenerWithItsSender() {
		this.contextRunner
			.withPropertyValues("mailslot.network.enabled=true", "mailslot.transport=network",
					"mailslot.servers.inbox.name=inbox")
			.withUserConfiguration(RemoteListener.class)
			.run((context) -> {
				try (NetworkMailslotTransport peer = peer();
						MailslotClient client = peer.openClient(MailslotName.parse("\\\\apphost\\mailslot\\INBOX"))) {
					client.write("from the peer".getBytes(StandardCharsets.UTF_8));
					Message<?> message = context.getBean(RemoteListener.class).messages.poll(10, TimeUnit.SECONDS);
					assertThat(message).isNotNull();
					assertThat(message.getPayload()).isEqualTo("from the peer");
					assertThat(message.getHeaders()).containsEntry(MailslotHeaders.SENDER, "PEERHOST<00>")
						.containsEntry(MailslotHeaders.DESTINATION, "APPHOST<00>")
						.containsEntry(MailslotHeaders.DATAGRAM_TYPE, "DIRECT_UNIQUE")
						.containsEntry(MailslotHeaders.SERVER_ID, "inbox");
					assertThat((String) message.getHeaders().get(MailslotHeaders.SENDER_ADDRESS))
						.startsWith("127.0.0.1:");
				}
				assertThat(context.getBean(MailslotNetwork.class).getTransport().statistics().delivered()).isEqualTo(1);
			});
	}

	@Test
	void theTemplateCarriesRemoteNamesOverTheNetworkBesideALocalTransport() {
		this.contextRunner.withPropertyValues("mailslot.network.enabled=true", "mailslot.transport=memory")
			.run((context) -> {
				try (NetworkMailslotTransport peer = peer();
						MailslotServer server = peer.createServer(MailslotServerOptions.builder("replies")
							.readTimeout(ReadTimeout.ofMillis(10_000))
							.build())) {
					MailslotTemplate template = context.getBean(MailslotTemplate.class);
					template.send("\\\\peerhost\\mailslot\\replies", "unicast");
					template.send("\\\\*\\mailslot\\replies", "to the workgroup");
					MailslotMessage unicast = server.readMessage(ReadTimeout.ofMillis(10_000));
					assertThat(new String(unicast.payload(), StandardCharsets.UTF_8)).isEqualTo("unicast");
					assertThat(unicast.attributes()).containsEntry(MailslotMessage.Attributes.SENDER, "APPHOST<00>");
					MailslotMessage group = server.readMessage(ReadTimeout.ofMillis(10_000));
					assertThat(group.attributes()).containsEntry(MailslotMessage.Attributes.DESTINATION, "MSLTEST<00>");
				}
			});
	}

	@Test
	void transportNetworkNeedsTheNetworkOn() {
		this.contextRunner.withPropertyValues("mailslot.transport=network").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MailslotTransportFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("set mailslot.network.enabled=true");
			assertThat(analysis.getAction())
				.startsWith("To use mailslot.transport=network, set mailslot.network.enabled=true");
		});
	}

	@Test
	void aPortInUseIsReportedWithTheNetworkSettingsToChange() throws Exception {
		try (DatagramChannel holder = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.2", 0))) {
			int taken = ((InetSocketAddress) holder.getLocalAddress()).getPort();
			this.contextRunner
				.withPropertyValues("mailslot.network.enabled=true", "mailslot.transport=memory",
						"mailslot.network.port=" + taken)
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new MailslotTransportFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).startsWith("The network mailslot transport cannot be used")
						.contains("127.0.0.2:" + taken);
					assertThat(analysis.getAction()).contains("mailslot.network.port")
						.contains("stop the program that holds the port");
				});
		}
	}

	@Test
	void aBadAllowedSourceNamesTheProperty() {
		this.contextRunner
			.withPropertyValues("mailslot.network.enabled=true", "mailslot.network.allowed-sources=10.0.0.0/99")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("mailslot.network.allowed-sources")));
	}

	@Test
	void thePropertiesDefaultsAreTheNetworkOptionsDefaults() {
		MailslotNetworkProperties network = new MailslotNetworkProperties();
		network.setNetbiosName("JAVAHOST");
		assertThat(MailslotNetworkConfiguration.options(network))
			.hasToString(NetworkOptions.builder().netbiosName(NetbiosName.of("JAVAHOST", 0)).build().toString());
	}

	@Test
	void aValueTheNetworkOptionsRefuseNamesTheProperty() {
		Map<String, String> refused = Map.of("mailslot.network.max-queued", "0", "mailslot.network.duplicate-window",
				"-1s", "mailslot.network.port", "0", "mailslot.network.workgroup", "A-WORKGROUP-OF-20CH");
		refused.forEach((property, value) -> this.contextRunner
			.withPropertyValues("mailslot.network.enabled=true", property + "=" + value)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo(property);
					assertThat(ex.getMessage()).contains("give");
				})));
	}

	@Test
	void acceptedNamesAreReadAndABadOneNamesTheProperty() {
		MailslotNetworkProperties network = new MailslotNetworkProperties();
		network.setNetbiosName("JAVAHOST");
		network.setAcceptedNames(List.of("JAVAHOST<00>", " Browsers<1d> ", "APPS.corp.example"));
		assertThat(MailslotNetworkConfiguration.options(network).answersFor()).containsExactlyInAnyOrder(
				NetbiosName.of("JAVAHOST", 0), NetbiosName.of("BROWSERS", 0x1D),
				new NetbiosName("APPS", 0, "corp.example"));
		MailslotNetworkProperties sameName = new MailslotNetworkProperties();
		sameName.setNetbiosName("WORKGROUP");
		assertThat(MailslotNetworkConfiguration.options(sameName).answersFor()).contains(NetbiosName.of("WORKGROUP", 0),
				NetbiosName.of("WORKGROUP", 0x1D));
		this.contextRunner
			.withPropertyValues("mailslot.network.enabled=true", "mailslot.network.accepted-names=HOST<1>")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.network.accepted-names");
					assertThat(ex.getMessage()).contains("two hex digits in <>, as in HOST<00> or WORKGROUP<1D>");
				}));
	}

	@Configuration(proxyBeanMethods = false)
	static class RemoteListener {

		final LinkedBlockingQueue<Message<?>> messages = new LinkedBlockingQueue<>();

		@MailslotListener("inbox")
		void receive(Message<String> message) {
			this.messages.add(message);
		}

	}

}
