package dev.mailslot.spring.boot.docs.platforms;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.mailslot.MailslotServer;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.boot.autoconfigure.MailslotNetworkProperties;
import dev.mailslot.spring.boot.autoconfigure.MailslotProperties;
import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.core.MailslotTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML examples of {@code docs/linux.md}, {@code docs/windows.md} and
 * {@code docs/transports.md}. The Linux one runs on the posix transport, as the page says; the
 * Windows ones start on the memory transport, which ignores the win32 options; the network
 * transport's would receive on UDP port 138 of every interface and is bound only.
 */
class PlatformsTests {

	@TempDir
	Path deadLetters;

	@Test
	@EnabledOnOs(OS.LINUX)
	void theLinuxServerIsAPosixQueueOfTheSystemsLargestMessages() throws IOException {
		int msgsizeMax = msgsizeMax();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withInitializer(ExampleApplications.configurationFile("docs/platforms/linux.yml"))
			.withPropertyValues("mailslot.listener.dead-letter.directory=" + this.deadLetters)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MailslotServer orders = context.getBean("ordersMailslotServer", MailslotServer.class);
				assertThat(orders.transport()).isEqualTo("posix");
				assertThat(orders.info().maxMessageSize()).as("fs.mqueue.msgsize_max").isEqualTo(msgsizeMax);
				assertThat(context.getBean(MailslotProperties.class).getServers().get("orders").getMode())
					.isEqualTo("0620");
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("orders", "on posix");
				assertThat(template.receiveAndConvert("orders", String.class, Duration.ofSeconds(5))).isEqualTo("on posix");
			});
	}

	@Test
	void theWindowsServerStartsWithItsOptions() {
		ExampleApplications.runner(this.deadLetters)
			.withInitializer(ExampleApplications.configurationFile("docs/platforms/windows.yml"))
			.run((context) -> {
				MailslotServer orders = context.getBean("ordersMailslotServer", MailslotServer.class);
				assertThat(orders.info().readTimeout()).isEqualTo(ReadTimeout.FOREVER);
				MailslotProperties.Server options = context.getBean(MailslotProperties.class).getServers().get("orders");
				assertThat(options.getSecurityDescriptor()).isEqualTo("D:(A;;GA;;;SY)(A;;GA;;;OW)(A;;GW;;;AU)");
				assertThat(options.getInheritHandle()).isFalse();
			});
	}

	@Test
	void windowsProgramsTextIsUtf16WithATwoByteNul() {
		ExampleApplications.runner(this.deadLetters)
			.withInitializer(ExampleApplications.configurationFile("docs/platforms/windows-text.yml"))
			.withPropertyValues("mailslot.servers.in.name=in")
			.run((context) -> {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("in", "Message one for mailslot.");
				assertThat(template.receive("in", Duration.ofSeconds(5)).getPayload())
					.isEqualTo("Message one for mailslot.\0".getBytes(StandardCharsets.UTF_16LE));
			});
	}

	@Test
	void theNetworkTransportBinds() throws Exception {
		Binder binder = ExampleApplications.binder("docs/platforms/network.yml");
		assertThat(binder.bind("mailslot.transport", String.class).get()).isEqualTo("network");
		MailslotNetworkProperties network = binder.bind("mailslot.network", MailslotNetworkProperties.class).get();
		assertThat(network.isEnabled()).isTrue();
		assertThat(network.getPort()).isEqualTo(138);
		assertThat(network.getNetbiosName()).isEqualTo("JAVAHOST");
		assertThat(network.getBroadcastAddress()).isEqualTo(InetAddress.getByName("192.168.1.255"));
		assertThat(network.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(2));
		assertThat(binder.bind("mailslot.servers.browse.name", String.class).get()).isEqualTo("BROWSE");
	}

	// Read at once: a sysctl file answers nothing to a read that does not start at its first byte,
	// and Files.readString, told a size of 0, reads one byte first.
	private static int msgsizeMax() throws IOException {
		return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/fs/mqueue/msgsize_max")).get(0).trim());
	}

}
