package dev.mailslot.spring.boot.docs.configuration;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.mailslot.MailslotServer;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.autoconfigure.MailslotNetworkProperties;
import dev.mailslot.spring.boot.autoconfigure.MailslotProperties;
import dev.mailslot.spring.boot.autoconfigure.MailslotProperties.NameInUse;
import dev.mailslot.spring.boot.autoconfigure.health.MailslotHealthProperties;
import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML and properties examples of {@code docs/configuration.md}: each starts an application
 * (on an isolated memory transport) and does what the page says, except the network transport's,
 * which would receive on UDP port 138 of every interface and is bound only.
 */
class ConfigurationTests {

	@TempDir
	Path deadLetters;

	private ApplicationContextRunner runner(String file) {
		return ExampleApplications.runner(this.deadLetters)
			.withInitializer(ExampleApplications.configurationFile(file));
	}

	private static String name(AssertableApplicationContext context, String id) {
		return context.getBean(id + "MailslotServer", MailslotServer.class).name().toString();
	}

	private static MailslotProperties properties(AssertableApplicationContext context) {
		return context.getBean(MailslotProperties.class);
	}

	@Test
	void namesInYamlArePlainSingleQuotedOrBare() {
		runner("docs/configuration/names.yml").run((context) -> {
			assertThat(name(context, "orders")).isEqualTo("\\\\.\\mailslot\\orders");
			assertThat(name(context, "audit")).isEqualTo("\\\\.\\mailslot\\app\\audit");
			assertThat(name(context, "billing")).isEqualTo("\\\\.\\mailslot\\billing");
		});
	}

	@Test
	void namesInPropertiesHaveEachBackslashDoubled() {
		runner("docs/configuration/names.properties").run((context) -> {
			assertThat(name(context, "orders")).isEqualTo("\\\\.\\mailslot\\orders");
			assertThat(name(context, "billing")).isEqualTo("\\\\.\\mailslot\\billing");
		});
	}

	@Test
	void theTransportAndCharsetBind() {
		runner("docs/configuration/transport.yml").run((context) -> {
			assertThat(properties(context).getTransport()).isEqualTo("auto");
			assertThat(properties(context).getCharset()).isEqualTo(StandardCharsets.UTF_8);
		});
	}

	@Test
	void theHoldMemoryBinds() {
		runner("docs/configuration/posix.yml").run((context) -> assertThat(properties(context).getPosix().getHoldMemory())
			.isEqualTo(DataSize.ofMegabytes(64)));
	}

	@Test
	void theUnixDirectoryBinds() {
		runner("docs/configuration/unix.yml").run((context) -> assertThat(properties(context).getUnix().getDirectory())
			.isEqualTo(Path.of("/run/user/1000/mailslots")));
	}

	@Test
	void theServersAreCreatedWithTheirOptions() {
		runner("docs/configuration/servers.yml").run((context) -> {
			assertThat(context).hasNotFailed();
			MailslotServer orders = context.getBean("ordersMailslotServer", MailslotServer.class);
			assertThat(orders.info().maxMessageSize()).isEqualTo(4096);
			assertThat(orders.info().readTimeout()).isEqualTo(ReadTimeout.FOREVER);
			MailslotProperties.Server options = properties(context).getServers().get("orders");
			assertThat(options.getMode()).isEqualTo("0620");
			assertThat(options.getQueueCapacity()).isEqualTo(10);
			assertThat(options.getHoldCapacity()).isEqualTo(10_000);
			assertThat(options.getSecurityDescriptor()).isEqualTo("D:(A;;GA;;;SY)(A;;GA;;;OW)");
			assertThat(name(context, "audit")).isEqualTo("\\\\.\\mailslot\\audit");
		});
	}

	@Test
	void theServerDefaultsApplyToEveryServerUnlessItsEntrySaysOtherwise() {
		runner("docs/configuration/server-defaults.yml").withBean(InboxListener.class).run((context) -> {
			MailslotProperties.ServerDefaults defaults = properties(context).getServerDefaults();
			assertThat(defaults.getOnNameInUse()).isEqualTo(NameInUse.WAIT);
			assertThat(defaults.getNameInUseWait()).isEqualTo(Duration.ofSeconds(30));
			MailslotServer inbox = context.getBean(MailslotListenerEndpointRegistry.class)
				.getListenerContainer("inbox")
				.getServer();
			assertThat(inbox.info().maxMessageSize()).isEqualTo(4096);
			assertThat(context.getBean("ordersMailslotServer", MailslotServer.class).info().maxMessageSize())
				.isEqualTo(4096);
			assertThat(context.getBean("auditMailslotServer", MailslotServer.class).info().maxMessageSize())
				.isEqualTo(512);
		});
	}

	@Test
	void theListenerDefaultsBind() {
		runner("docs/configuration/listener.yml").run((context) -> {
			MailslotProperties.Listener listener = properties(context).getListener();
			assertThat(listener.isAutoStartup()).isTrue();
			assertThat(listener.getConcurrency()).isOne();
			assertThat(listener.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(ExampleApplications.binder("docs/configuration/listener.yml")
				.bind("mailslot.listener.dead-letter.directory", Path.class)
				.get()).isEqualTo(Path.of("/var/lib/orders/dead-letters"));
			assertThat(listener.getDeadLetter().getMailslot()).isEqualTo("orders-dead-letters");
			assertThat(listener.getDeadLetter().getReplayTargets()).containsExactly("\\\\.\\mailslot\\orders-retry");
			assertThat(listener.getReply().getPerMessageTargets().name()).isEqualTo("LOCAL");
		});
	}

	@Test
	void theTemplateWritesTextAsMicrosoftsUnicodeSamplesDo() {
		runner("docs/configuration/template.yml").withPropertyValues("mailslot.servers.in.name=in").run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			template.send("in", "text");
			Message<byte[]> message = template.receive("in", Duration.ofSeconds(5));
			assertThat(message.getPayload()).isEqualTo("text\0".getBytes(StandardCharsets.UTF_16LE));
			template.send("in", "text\0".getBytes(StandardCharsets.UTF_16LE));
			assertThat(template.receiveAndConvert("in", String.class, Duration.ofSeconds(5))).isEqualTo("text");
		});
	}

	@Test
	void theLegacyServerTakesAnAnsiCodePageWithANul() {
		runner("docs/configuration/legacy-server.yml").run((context) -> {
			assertThat(name(context, "legacy")).isEqualTo("\\\\.\\mailslot\\legacy");
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			template.send("legacy", "café");
			assertThat(template.receive("legacy", Duration.ofSeconds(5)).getPayload())
				.isEqualTo(new byte[] { 'c', 'a', 'f', (byte) 0xE9, 0 });
		});
	}

	@Test
	void theRetriesBind() {
		runner("docs/configuration/retry.yml").run((context) -> {
			MailslotProperties.Retry retry = properties(context).getListener().getRetry();
			assertThat(retry.getMaxRetries()).isEqualTo(4);
			assertThat(retry.getDelay()).isEqualTo(Duration.ofSeconds(1));
			assertThat(retry.getMultiplier()).isEqualTo(2);
			assertThat(retry.getMaxDelay()).isEqualTo(Duration.ofSeconds(10));
		});
	}

	@Test
	void theBacklogStatusIsPlacedInBootsStatusOrder() {
		Binder binder = ExampleApplications.binder("docs/configuration/health.yml");
		MailslotHealthProperties health = binder.bind("mailslot.health", MailslotHealthProperties.class).get();
		assertThat(health.getBacklogThreshold()).isEqualTo(100);
		assertThat(health.getBacklogStatus()).isEqualTo("BACKLOG");
		assertThat(binder.bind("management.endpoint.health.status.order", Bindable.listOf(String.class)).get())
			.containsExactly("DOWN", "OUT_OF_SERVICE", "BACKLOG", "UP", "UNKNOWN");
		assertThat(binder.bind("management.endpoint.health.show-details", String.class).get()).isEqualTo("always");
	}

	@Test
	void theNetworkTransportBinds() throws Exception {
		Binder binder = ExampleApplications.binder("docs/configuration/network.yml");
		assertThat(binder.bind("mailslot.transport", String.class).get()).isEqualTo("network");
		MailslotNetworkProperties network = binder.bind("mailslot.network", MailslotNetworkProperties.class).get();
		assertThat(network.isEnabled()).isTrue();
		assertThat(network.getBindAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
		assertThat(network.getPort()).isEqualTo(138);
		assertThat(network.getNetbiosName()).isEqualTo("JAVAHOST");
		assertThat(network.getWorkgroup()).isEqualTo("MSLTEST");
		assertThat(network.getBroadcastAddress()).isEqualTo(InetAddress.getByName("192.168.1.255"));
		assertThat(network.getHosts()).containsEntry("FILESERVER", InetAddress.getByName("192.168.1.10"));
		assertThat(network.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(2));
		assertThat(network.getAllowedSources()).containsExactly("192.168.1.0/24");
		assertThat(network.getMaxQueued()).isEqualTo(10_000);
		assertThat(binder.bind("mailslot.servers.browse.name", String.class).get()).isEqualTo("BROWSE");
	}

	@Test
	void theEndpointIsExposedOverHttp() {
		Binder binder = ExampleApplications.binder("docs/configuration/endpoint.yml");
		assertThat(binder.bind("management.endpoints.web.exposure.include", Bindable.listOf(String.class)).get())
			.containsExactly("health", "mailslots");
		assertThat(binder.bind("management.endpoint.mailslots.access", String.class).get()).isEqualTo("unrestricted");
	}

	/** A listener of a mailslot that no {@code mailslot.servers} entry configures. */
	@Component
	static class InboxListener {

		@MailslotListener("inbox")
		void onMessage(String message) {
		}

	}

}
