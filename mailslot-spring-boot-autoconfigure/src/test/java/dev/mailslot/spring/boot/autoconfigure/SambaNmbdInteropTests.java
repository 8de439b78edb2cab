package dev.mailslot.spring.boot.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.transport.network.DatagramType;
import dev.mailslot.transport.network.MailslotDatagram;
import dev.mailslot.transport.network.MailslotDatagramCodec;
import dev.mailslot.transport.network.NetbiosName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The network transport against a real peer: Samba's nmbd in a network namespace this
 * test creates, joined by a veth pair to this namespace, on a documentation subnet this
 * host does not use (198.51.100.0/24, else 203.0.113.0/24). Before anything is sent, the
 * test checks that the route to nmbd is the veth, so no datagram leaves the host. nmbd's
 * {@code \MAILSLOT\BROWSE} host announcements reach a {@code @MailslotListener}; a host
 * announcement this test sends appears in nmbd's browse list. Needs root (network
 * namespaces) and Samba; everything it creates is removed afterwards.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SambaNmbdInteropTests {

	private static final List<String> SUBNETS = List.of("198.51.100", "203.0.113");

	private String subnet;

	private String nmbdAddress;

	private String appAddress;

	private final String namespace = "msl-nmbd-" + ProcessHandle.current().pid();

	private final String veth = "mslv" + (ProcessHandle.current().pid() % 100000);

	@TempDir
	Path directory;

	private Process nmbd;

	@BeforeEach
	void startNmbd() throws Exception {
		Assumptions.assumeTrue(isRoot(), "needs root to create network namespaces (CI runs as root)");
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nmbd")),
				"needs Samba's nmbd (.ci/run installs it)");
		String used = output("ip", "-4", "addr");
		this.subnet = SUBNETS.stream()
			.filter((candidate) -> !used.contains(candidate + "."))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("every test subnet is in use on this host: " + SUBNETS));
		this.nmbdAddress = this.subnet + ".1";
		this.appAddress = this.subnet + ".2";
		run("ip", "netns", "add", this.namespace);
		run("ip", "link", "add", this.veth, "type", "veth", "peer", "name", this.veth + "p");
		run("ip", "link", "set", this.veth + "p", "netns", this.namespace);
		run("ip", "addr", "add", this.appAddress + "/24", "dev", this.veth);
		run("ip", "link", "set", this.veth, "up");
		run("ip", "netns", "exec", this.namespace, "ip", "addr", "add", this.nmbdAddress + "/24", "dev",
				this.veth + "p");
		run("ip", "netns", "exec", this.namespace, "ip", "link", "set", this.veth + "p", "up");
		run("ip", "netns", "exec", this.namespace, "ip", "link", "set", "lo", "up");
		assertThat(output("ip", "route", "get", this.nmbdAddress)).as("route to nmbd")
			.contains("dev " + this.veth + " ");
		Path samba = this.directory.resolve("samba");
		for (String dir : List.of("lock", "state", "cache", "pid", "log", "private")) {
			Files.createDirectories(samba.resolve(dir));
		}
		Files.writeString(samba.resolve("smb.conf"),
				String.join("\n", "[global]", "workgroup = MSLTEST", "netbios name = NMBDPEER",
						"interfaces = " + this.nmbdAddress + "/24", "bind interfaces only = yes", "local master = yes",
						"preferred master = yes", "os level = 33", "remote announce = " + this.appAddress + "/MSLTEST",
						"log level = 10", "lock directory = " + samba.resolve("lock"),
						"state directory = " + samba.resolve("state"), "cache directory = " + samba.resolve("cache"),
						"pid directory = " + samba.resolve("pid"), "private dir = " + samba.resolve("private"),
						"log file = " + samba.resolve("log/nmbd.log"), "disable netbios = no", ""));
	}

	private void startNmbdProcess() throws IOException {
		Path samba = this.directory.resolve("samba");
		this.nmbd = new ProcessBuilder("ip", "netns", "exec", this.namespace, "/usr/sbin/nmbd", "-i", "-s",
				samba.resolve("smb.conf").toString(), "--no-process-group")
			.redirectErrorStream(true)
			.redirectOutput(samba.resolve("log/stdout.log").toFile())
			.start();
	}

	@AfterEach
	void removeEverything() throws Exception {
		if (this.nmbd != null) {
			this.nmbd.destroy();
			if (!this.nmbd.waitFor(10, TimeUnit.SECONDS)) {
				this.nmbd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			Path log = this.directory.resolve("samba/log/stdout.log");
			if (Files.exists(log)) {
				Files.createDirectories(Path.of("target"));
				Files.copy(log, Path.of("target", "samba-nmbd.log"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		if (isRoot()) {
			runQuietly("ip", "link", "del", this.veth);
			runQuietly("ip", "netns", "del", this.namespace);
		}
	}

	@Test
	void nmbdHostAnnouncementsReachAListenerAndOursReachNmbdsBrowseList() throws Exception {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withUserConfiguration(BrowseListener.class)
			.withPropertyValues("mailslot.transport=network", "mailslot.network.enabled=true",
					"mailslot.network.bind-address=" + this.appAddress, "mailslot.network.port=138",
					"mailslot.network.netbios-name=JAVAHOST", "mailslot.network.workgroup=MSLTEST",
					"mailslot.network.broadcast-address=" + this.subnet + ".255",
					"mailslot.network.allowed-sources=" + this.subnet + ".0/24", "mailslot.servers.browse.name=BROWSE",
					"mailslot.listener.poll-timeout=100ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				startNmbdProcess();
				Message<?> announcement = context.getBean(BrowseListener.class).messages.poll(60, TimeUnit.SECONDS);
				assertThat(announcement).as("a \\MAILSLOT\\BROWSE datagram from nmbd within 60 s").isNotNull();
				assertThat(announcement.getHeaders()).containsEntry(MailslotHeaders.SENDER, "NMBDPEER<00>")
					.containsKey(MailslotHeaders.DESTINATION);
				assertThat((String) announcement.getHeaders().get(MailslotHeaders.SENDER_ADDRESS))
					.startsWith(this.nmbdAddress + ":");
				byte[] body = (byte[]) announcement.getPayload();
				assertThat(body.length).isGreaterThan(0);

				sendHostAnnouncement("JAVAPEER", "announced from java");
				Path log = this.directory.resolve("samba/log/stdout.log");
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
					sendHostAnnouncement("JAVAPEER", "announced from java");
					assertThat(Files.exists(log) ? Files.readString(log) : "")
						.contains("process_host_announce: from JAVAPEER<00>")
						.contains("Created server entry JAVAPEER");
				});
			});
	}

	/**
	 * Send a [MS-BRWS] 2.2.1 HostAnnouncement for a server name to MSLTEST's local master
	 * browser.
	 */
	private void sendHostAnnouncement(String server, String comment) throws IOException {
		byte[] commentBytes = comment.getBytes(StandardCharsets.US_ASCII);
		ByteBuffer body = ByteBuffer.allocate(32 + commentBytes.length + 1).order(ByteOrder.LITTLE_ENDIAN);
		body.put((byte) 0x01).put((byte) 0).putInt(720_000);
		byte[] name = new byte[16];
		byte[] serverBytes = server.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(serverBytes, 0, name, 0, serverBytes.length);
		body.put(name).put((byte) 6).put((byte) 1).putInt(0x00000003).put((byte) 15).put((byte) 1);
		body.putShort((short) 0xAA55).put(commentBytes).put((byte) 0);
		MailslotDatagram datagram = new MailslotDatagram(DatagramType.DIRECT_GROUP, MailslotDatagram.FIRST, 7,
				ByteBuffer.wrap(InetAddress.getByName(this.appAddress).getAddress()).getInt(), 138,
				NetbiosName.of(server, 0), NetbiosName.of("MSLTEST", 0x1D), MailslotDatagram.TransactionFields.DEFAULTS,
				"\\MAILSLOT\\BROWSE", body.array());
		try (DatagramChannel channel = DatagramChannel.open()) {
			channel.bind(new InetSocketAddress(InetAddress.getByName(this.appAddress), 0));
			channel.send(ByteBuffer.wrap(MailslotDatagramCodec.encode(datagram)),
					new InetSocketAddress(InetAddress.getByName(this.nmbdAddress), 138));
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static String output(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return output;
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
	}

	private static void runQuietly(String... command) throws IOException, InterruptedException {
		new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor(30, TimeUnit.SECONDS);
	}

	@Configuration(proxyBeanMethods = false)
	static class BrowseListener {

		final LinkedBlockingQueue<Message<?>> messages = new LinkedBlockingQueue<>();

		@MailslotListener("browse")
		void receive(Message<byte[]> message) {
			this.messages.add(message);
		}

	}

}
