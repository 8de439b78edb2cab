package dev.mailslot.spring.listener.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.SendTo;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MailslotListenerStatistics;
import dev.mailslot.transport.network.NetbiosName;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.network.NetworkOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that names its own reply mailslot ({@code @SendTo("!{...}")}) on an
 * application with the network transport on, over real UDP on loopback (127.0.0.2 the
 * application, 127.0.0.1 a peer host, which is also where group datagrams go): by default
 * the request cannot make the application broadcast ({@code \\*\...}, the workgroup) or
 * write to another host; the message fails, is counted and dead-lettered, and nothing
 * reaches the peer. The property lets each reach through.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PerMessageReplyTargetsNetworkTests {

	private static final String PROPERTY = "mailslot.listener.reply.per-message-targets";

	private static final InetAddress APP = address("127.0.0.2");

	private static final InetAddress PEER = address("127.0.0.1");

	@TempDir
	Path deadLetters;

	private final int port = freePort();

	private final String requests = "reply-targets-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withUserConfiguration(RequestNamesTheReply.class)
			.withPropertyValues("mailslot.transport=memory", "mailslot.servers.requests.name=" + this.requests,
					"mailslot.network.enabled=true", "mailslot.network.bind-address=127.0.0.2",
					"mailslot.network.port=" + this.port, "mailslot.network.netbios-name=APPHOST",
					"mailslot.network.workgroup=MSLTEST", "mailslot.network.broadcast-address=127.0.0.1",
					"mailslot.network.hosts.peerhost=127.0.0.1", "mailslot.listener.poll-timeout=100ms",
					"mailslot.listener.retry.max-retries=0",
					"mailslot.listener.dead-letter.directory=" + this.deadLetters);
	}

	@Test
	void byDefaultARequestCanNeitherBroadcastNorReachAnotherHost() {
		runner().run((context) -> {
			Outcome outcome = requestReplies(context, "\\\\*\\mailslot\\stolen", "\\\\MSLTEST\\mailslot\\stolen",
					"\\\\PEERHOST\\mailslot\\stolen");
			System.out.println("Per-message reply targets, default: " + outcome);
			assertThat(outcome.reachedPeer()).isEmpty();
			assertThat(outcome.statistics().failures()).isEqualTo(3);
			assertThat(outcome.statistics().unprocessed()).isEqualTo(3);
			assertThat(outcome.deadLettered()).hasSize(3)
				.allSatisfy((exception) -> assertThat(exception).contains(ReplyTargetRefusedException.class.getName())
					.contains("per-message reply targets may only name mailslots on this host"));
			assertThat(outcome.deadLettered()).filteredOn((exception) -> exception.contains(PROPERTY + "=broadcast"))
				.hasSize(2);
			assertThat(outcome.deadLettered()).filteredOn((exception) -> exception.contains(PROPERTY + "=remote"))
				.hasSize(1);
		});
	}

	@Test
	void remoteLetsARequestReachAnotherHostButNotBroadcast() {
		runner().withPropertyValues(PROPERTY + "=remote").run((context) -> {
			Outcome outcome = requestReplies(context, "\\\\*\\mailslot\\stolen", "\\\\MSLTEST\\mailslot\\stolen",
					"\\\\PEERHOST\\mailslot\\stolen");
			System.out.println("Per-message reply targets, remote: " + outcome);
			assertThat(outcome.reachedPeer()).containsExactly("reply to \\\\PEERHOST\\mailslot\\stolen");
			assertThat(outcome.statistics().unprocessed()).isEqualTo(2);
			assertThat(outcome.deadLettered()).hasSize(2)
				.allSatisfy((exception) -> assertThat(exception).contains(PROPERTY + "=broadcast"));
		});
	}

	@Test
	void broadcastLetsARequestBroadcast() {
		runner().withPropertyValues(PROPERTY + "=broadcast").run((context) -> {
			Outcome outcome = requestReplies(context, "\\\\*\\mailslot\\stolen");
			System.out.println("Per-message reply targets, broadcast: " + outcome);
			assertThat(outcome.reachedPeer()).containsExactly("reply to \\\\*\\mailslot\\stolen");
			assertThat(outcome.deadLettered()).isEmpty();
		});
	}

	/**
	 * Send one request per target, each naming its reply mailslot, wait until the
	 * listener has settled every one, and collect what reached the peer's mailslot and
	 * the dead letters.
	 */
	private Outcome requestReplies(AssertableApplicationContext context, String... targets) throws Exception {
		assertThat(context).hasNotFailed();
		try (NetworkMailslotTransport peer = peer();
				MailslotServer stolen = peer.createServer(MailslotServerOptions.builder(MailslotName.parse("stolen"))
					.readTimeout(ReadTimeout.of(Duration.ofSeconds(1)))
					.build())) {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			for (String target : targets) {
				template.send("requests", target + "|reply to " + target);
			}
			MailslotListenerContainer container = context.getBean(MailslotListenerEndpointRegistry.class)
				.getListenerContainers()
				.iterator()
				.next();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				MailslotListenerStatistics statistics = container.getStatistics();
				return statistics.processed() + statistics.unprocessed() == targets.length
						&& deadLetters(".bin").size() == statistics.unprocessed();
			});
			List<String> reachedPeer = new ArrayList<>();
			while (true) {
				try {
					reachedPeer.add(new String(stolen.read(), StandardCharsets.UTF_8));
				}
				catch (MailslotTimeoutException ex) {
					break;
				}
			}
			return new Outcome(reachedPeer, container.getStatistics(), deadLetteredExceptions());
		}
	}

	private List<String> deadLetteredExceptions() throws IOException {
		List<String> exceptions = new ArrayList<>();
		for (Path file : deadLetters(".properties")) {
			Properties metadata = new Properties();
			try (InputStream in = Files.newInputStream(file)) {
				metadata.load(in);
			}
			exceptions.add(metadata.getProperty("exception") + ": " + metadata.getProperty("exception.message"));
		}
		return exceptions;
	}

	private List<Path> deadLetters(String suffix) throws IOException {
		try (Stream<Path> files = Files.list(this.deadLetters)) {
			return files.filter((path) -> path.getFileName().toString().endsWith(suffix)).toList();
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

	/**
	 * What came of the requests.
	 *
	 * @param reachedPeer the replies the peer host received
	 * @param statistics the listener's counts
	 * @param deadLettered the failures kept with the dead letters, as
	 * {@code class: message}
	 */
	record Outcome(List<String> reachedPeer, MailslotListenerStatistics statistics, List<String> deadLettered) {

		@Override
		public String toString() {
			return this.reachedPeer.size() + " repl(ies) reached the peer host, " + this.statistics.unprocessed()
					+ " dead-lettered, " + this.statistics.failures() + " failure(s) counted";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RequestNamesTheReply {

		/**
		 * The request says where to reply, before a '|', as NETLOGON requests carry their
		 * reply mailslot.
		 */
		@MailslotListener("requests")
		@SendTo("!{new String(request.payload).substring(0, new String(request.payload).indexOf('|'))}")
		String answer(Message<String> request) {
			return request.getPayload().substring(request.getPayload().indexOf('|') + 1);
		}

	}

}
