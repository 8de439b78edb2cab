package dev.mailslot.transport.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotMessage;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotWakeupException;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.RecordedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@code network} transport on loopback: two transports, AHOST on 127.0.0.1 and BHOST
 * on 127.0.0.2, on one free UDP port, exchanging real datagrams; and real nmbd datagrams
 * replayed.
 */
class NetworkMailslotTransportTests {

	private static final InetAddress A = address("127.0.0.1");

	private static final InetAddress B = address("127.0.0.2");

	/**
	 * What BHOST answers for by default, and TARGET<00>, to which the encoder vectors are
	 * addressed.
	 */
	private static final List<NetbiosName> BHOST_AND_TARGET = List.of(NetbiosName.of("BHOST", 0),
			NetbiosName.of("MSLTEST", 0), NetbiosName.of("MSLTEST", 0x1D), NetbiosName.of("MSLTEST", 0x1E),
			NetworkOptions.MSBROWSE, NetbiosName.of("TARGET", 0));

	private NetworkMailslotTransport receiver;

	private NetworkMailslotTransport sender;

	private static InetAddress address(String text) {
		try {
			return InetAddress.getByName(text);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void start(Duration duplicateWindow, List<SourceNetwork> allowed) {
		this.receiver = NetworkMailslotTransport.start(receiverOptions().duplicateWindow(duplicateWindow)
			.allowedSources(allowed)
			.acceptedNames(BHOST_AND_TARGET)
			.build());
		int port = this.receiver.getLocalAddress().getPort();
		this.sender = NetworkMailslotTransport.start(NetworkOptions.builder()
			.bind(new InetSocketAddress(A, port))
			.sendPort(port)
			.netbiosName(NetbiosName.of("AHOST", 0))
			.workgroup("MSLTEST")
			.broadcastAddress(B)
			.hosts(Map.of("BHOST", B))
			.build());
	}

	/**
	 * Start options of BHOST in MSLTEST, receiving on 127.0.0.2 at a free port.
	 */
	private static NetworkOptions.Builder receiverOptions() {
		return NetworkOptions.builder()
			.bind(new InetSocketAddress(B, 0))
			.netbiosName(NetbiosName.of("BHOST", 0))
			.workgroup("MSLTEST")
			.broadcastAddress(B);
	}

	@AfterEach
	void close() {
		if (this.sender != null) {
			this.sender.close();
		}
		if (this.receiver != null) {
			this.receiver.close();
		}
	}

	private MailslotServer server(String path) {
		return this.receiver.createServer(MailslotServerOptions.builder(MailslotName.local(path))
			.readTimeout(ReadTimeout.ofMillis(5000))
			.build());
	}

	private void sendRaw(byte[] payload) throws Exception {
		try (DatagramChannel channel = DatagramChannel.open()) {
			channel.bind(new InetSocketAddress(A, 0));
			channel.send(ByteBuffer.wrap(payload), this.receiver.getLocalAddress());
		}
	}

	@Test
	void aHostWriteArrivesWithItsSender() {
		start(Duration.ZERO, List.of());
		try (MailslotServer server = server("Inbox");
				MailslotClient client = this.sender.openClient(MailslotName.parse("\\\\bhost\\mailslot\\INBOX"))) {
			client.write("hello over UDP".getBytes(StandardCharsets.UTF_8));
			MailslotMessage message = server.readMessage(ReadTimeout.ofMillis(5000));
			assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("hello over UDP");
			assertThat(message.attributes()).containsEntry(MailslotMessage.Attributes.SENDER, "AHOST<00>")
				.containsEntry(MailslotMessage.Attributes.DESTINATION, "BHOST<00>")
				.containsEntry(MailslotMessage.Attributes.DATAGRAM_TYPE, "DIRECT_UNIQUE");
			assertThat(message.attributes().get(MailslotMessage.Attributes.SENDER_ADDRESS)).startsWith("127.0.0.1:");
			assertThat(server.transport()).isEqualTo("network");
		}
	}

	@Test
	void aReadWaitingForDatagramsIsWokenAndKeepsTheDatagramsAroundTheWakeup() throws Exception {
		start(Duration.ZERO, List.of());
		try (MailslotServer server = server("Inbox");
				MailslotClient client = this.sender.openClient(MailslotName.parse("\\\\bhost\\mailslot\\INBOX"))) {
			CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> server.read(ReadTimeout.FOREVER));
			Thread.sleep(200);
			long start = System.nanoTime();
			server.wakeup();
			assertThat(waiting).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(MailslotWakeupException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
			client.write("before".getBytes(StandardCharsets.UTF_8));
			await().atMost(Duration.ofSeconds(5)).until(() -> server.info().messageCount() == 1);
			server.wakeup();
			client.write("after".getBytes(StandardCharsets.UTF_8));
			await().atMost(Duration.ofSeconds(5)).until(() -> server.info().messageCount() == 2);
			assertThat(server.read(ReadTimeout.FOREVER)).asString(StandardCharsets.UTF_8).isEqualTo("before");
			assertThat(server.read(ReadTimeout.FOREVER)).asString(StandardCharsets.UTF_8).isEqualTo("after");
			assertThatExceptionOfType(MailslotWakeupException.class).isThrownBy(() -> server.read(ReadTimeout.FOREVER));
		}
	}

	@Test
	void aDomainWriteIsAGroupDatagramToTheWorkgroup() {
		start(Duration.ZERO, List.of());
		try (MailslotServer server = server("events")) {
			for (String name : List.of("\\\\*\\mailslot\\events", "\\\\msltest\\mailslot\\EVENTS")) {
				try (MailslotClient client = this.sender.openClient(MailslotName.parse(name))) {
					client.write(name.getBytes(StandardCharsets.UTF_8));
				}
				MailslotMessage message = server.readMessage(ReadTimeout.ofMillis(5000));
				assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo(name);
				assertThat(message.attributes()).containsEntry(MailslotMessage.Attributes.DATAGRAM_TYPE, "DIRECT_GROUP")
					.containsEntry(MailslotMessage.Attributes.DESTINATION, "MSLTEST<00>");
			}
		}
	}

	@Test
	void realNmbdDatagramsReachTheBrowseMailslot() throws Exception {
		start(Duration.ZERO, List.of());
		try (MailslotServer server = server("BROWSE")) {
			List<Captures.Datagram> datagrams = Captures.tsvDatagrams();
			for (Captures.Datagram datagram : datagrams) {
				sendRaw(datagram.payload());
			}
			for (int i = 0; i < datagrams.size(); i++) {
				MailslotMessage message = server.readMessage(ReadTimeout.ofMillis(5000));
				assertThat(message.attributes()).containsEntry(MailslotMessage.Attributes.SENDER, "NMBDPEER<00>");
			}
			// The receive loop counts a datagram once it has handed it over, so a reader
			// can be first.
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.receiver.statistics().delivered() == datagrams.size());
		}
	}

	@Test
	void badDatagramsAreCountedByReasonAndTheLoopGoesOn() throws Exception {
		start(Duration.ZERO, List.of());
		byte[] tv1 = HexFormat.of().parseHex(Captures.vectorLines().get(1).trim());
		byte[] fragment = tv1.clone();
		fragment[1] = 0x03;
		try (MailslotServer server = server("test")) {
			sendRaw("not a datagram".getBytes(StandardCharsets.US_ASCII));
			sendRaw(HexFormat.of().parseHex(Captures.vectorLines().get(3).trim()));
			sendRaw(fragment);
			sendRaw(new byte[0]);
			sendRaw(tv1);
			assertThat(server.read(ReadTimeout.ofMillis(5000))).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.statistics().received() == 5);
			NetworkStatistics statistics = this.receiver.statistics();
			assertThat(statistics.delivered()).isEqualTo(1);
			assertThat(statistics.dropped()).containsOnly(Map.entry("UNSUPPORTED_TYPE", 1L), Map.entry("TRUNCATED", 1L),
					Map.entry("OVER_LIMIT", 1L), Map.entry("FRAGMENT", 1L));
		}
	}

	@Test
	void writesToNamesNoServerHoldsAreCounted() throws Exception {
		start(Duration.ZERO, List.of());
		sendRaw(HexFormat.of().parseHex(Captures.vectorLines().get(1).trim()));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.receiver.statistics()
				.dropped()
				.getOrDefault(NetworkStatistics.UNKNOWN_MAILSLOT, 0L) == 1);
	}

	@Test
	void datagramsToNamesThisHostDoesNotAnswerForAreDroppedAndCounted() throws Exception {
		this.receiver = NetworkMailslotTransport.start(receiverOptions().build());
		try (MailslotServer server = server("inbox")) {
			List<NetbiosName> others = List.of(NetbiosName.of("OTHERHOST", 0), NetbiosName.of("OTHERWG", 0),
					NetbiosName.of("BHOST", 0x20), new NetbiosName("BHOST", 0, "corp.example"));
			for (NetbiosName other : others) {
				sendRaw(datagramTo(other, "for " + other));
			}
			for (NetbiosName mine : List.of(NetbiosName.of("bhost", 0), NetbiosName.of("MSLTEST", 0x1D))) {
				sendRaw(datagramTo(mine, "for " + mine));
			}
			assertThat(new String(server.read(), StandardCharsets.US_ASCII)).isEqualTo("for BHOST<00>");
			assertThat(new String(server.read(), StandardCharsets.US_ASCII)).isEqualTo("for MSLTEST<1D>");
			await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.statistics().received() == 6);
			assertThat(this.receiver.statistics().dropped())
				.containsOnly(Map.entry(NetworkStatistics.NOT_FOR_THIS_HOST, 4L));
			assertThat(server.info().messageCount()).isZero();
		}
	}

	private static byte[] datagramTo(NetbiosName destination, String text) {
		return MailslotDatagramCodec.encode(new MailslotDatagram(DatagramType.DIRECT_UNIQUE, MailslotDatagram.FIRST, 1,
				0x7F000001, 138, NetbiosName.of("AHOST", 0), destination, MailslotDatagram.TransactionFields.DEFAULTS,
				"\\MAILSLOT\\inbox", text.getBytes(StandardCharsets.US_ASCII)));
	}

	/**
	 * 3,000 datagrams padded to 60,000 bytes into a receiver in a JVM of 64 MB with the
	 * duplicate window on: it keeps receiving. A full receive buffer drops datagrams,
	 * silently on Windows, so the end marker is sent again, each time different, until
	 * one is read; then what arrived adds up: every datagram the receiver took was
	 * delivered or counted as dropped, every delivered one was read, and on Linux the
	 * kernel counted the rest of what was sent.
	 */
	@Test
	void aPaddedFloodWithTheDuplicateWindowOnLeavesASmallHeapReceiving() throws Exception {
		int flood = 3_000;
		try (SmallHeapReceiver receiver = new SmallHeapReceiver(); DatagramChannel channel = DatagramChannel.open()) {
			InetSocketAddress address = new InetSocketAddress(B, receiver.port());
			channel.bind(new InetSocketAddress(A, 0));
			for (int i = 0; i < flood; i++) {
				byte[] write = datagramTo(NetbiosName.of("BHOST", 0), "flood " + i);
				channel.send(ByteBuffer.wrap(Arrays.copyOf(write, 60_000)), address);
				if (i % 4 == 0) {
					Thread.sleep(1);
				}
			}
			int markers = 0;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			do {
				channel.send(ByteBuffer.wrap(datagramTo(NetbiosName.of("BHOST", 0), "after the flood " + markers++)),
						address);
			}
			while (receiver.received("after the flood ", 200) == 0 && System.nanoTime() < deadline);
			assertThat(receiver.received("after the flood ", 0)).as("end markers read of %d sent", markers)
				.isPositive();
			long sent = flood + markers;
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				NetworkStatistics statistics = receiver.statistics();
				Map<String, Long> dropped = new HashMap<>(statistics.dropped());
				long unreceived = dropped.getOrDefault(NetworkStatistics.RECEIVE_BUFFER_FULL, 0L);
				dropped.remove(NetworkStatistics.RECEIVE_BUFFER_FULL);
				long counted = dropped.values().stream().mapToLong(Long::longValue).sum();
				assertThat(statistics.received()).as("received, %s", statistics)
					.isEqualTo(statistics.delivered() + counted);
				assertThat((long) receiver.receivedInAll()).as("read, %s", statistics)
					.isEqualTo(statistics.delivered());
				if (OS.LINUX.isCurrentOs()) {
					assertThat(statistics.received() + unreceived).as("sent, %s", statistics).isEqualTo(sent);
				}
				else {
					assertThat(statistics.received()).as("sent, %s", statistics).isLessThanOrEqualTo(sent);
				}
			});
			assertThat(receiver.isAlive()).isTrue();
		}
	}

	@Test
	@EnabledOnOs(value = OS.LINUX, disabledReason = "the kernel's drop count comes from /proc/net/udp")
	void datagramsTheKernelDropsForAFullReceiveBufferAreCounted() throws Exception {
		this.receiver = NetworkMailslotTransport
			.start(receiverOptions().maxQueued(100_000).receiveBufferSize(4096).build());
		int sent = 3_000;
		try (MailslotServer server = server("inbox"); DatagramChannel channel = DatagramChannel.open()) {
			channel.bind(new InetSocketAddress(A, 0));
			byte[] write = datagramTo(NetbiosName.of("BHOST", 0), "x".repeat(400));
			for (int i = 0; i < sent; i++) {
				channel.send(ByteBuffer.wrap(write), this.receiver.getLocalAddress());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				NetworkStatistics statistics = this.receiver.statistics();
				return statistics.received()
						+ statistics.dropped().getOrDefault(NetworkStatistics.RECEIVE_BUFFER_FULL, 0L) == sent;
			});
			NetworkStatistics statistics = this.receiver.statistics();
			assertThat(statistics.dropped().get(NetworkStatistics.RECEIVE_BUFFER_FULL)).isPositive();
			assertThat(statistics.delivered()).isEqualTo(statistics.received());
			assertThat(server.info().messageCount()).isEqualTo((int) statistics.delivered());
		}
	}

	@Test
	void sendersOutsideTheAllowedNetworksAreDropped() throws Exception {
		start(Duration.ZERO, List.of(SourceNetwork.parse("192.0.2.0/24")));
		try (MailslotServer server = server("test")) {
			sendRaw(HexFormat.of().parseHex(Captures.vectorLines().get(1).trim()));
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.receiver.statistics()
					.dropped()
					.getOrDefault(NetworkStatistics.DISALLOWED_SOURCE, 0L) == 1);
			assertThat(server.info().messageCount()).isZero();
		}
	}

	@Test
	void duplicatesWithinTheWindowAreDropped() throws Exception {
		start(Duration.ofSeconds(30), List.of());
		byte[] tv1 = HexFormat.of().parseHex(Captures.vectorLines().get(1).trim());
		try (MailslotServer server = server("test")) {
			sendRaw(tv1);
			assertThat(server.read(ReadTimeout.ofMillis(5000))).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
			try (DatagramChannel channel = DatagramChannel.open()) {
				channel.bind(new InetSocketAddress(A, 0));
				channel.send(ByteBuffer.wrap(tv1), this.receiver.getLocalAddress());
				channel.send(ByteBuffer.wrap(tv1), this.receiver.getLocalAddress());
			}
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.receiver.statistics().dropped().getOrDefault(NetworkStatistics.DUPLICATE, 0L) == 1);
			assertThat(server.read(ReadTimeout.ofMillis(5000))).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
		}
	}

	@Test
	void differentMessagesOfOneSenderAreNoDuplicates() {
		start(Duration.ofSeconds(30), List.of());
		try (MailslotServer server = server("inbox");
				MailslotClient client = this.sender.openClient(MailslotName.parse("\\\\bhost\\mailslot\\inbox"))) {
			client.write("Aa".getBytes(StandardCharsets.US_ASCII));
			client.write("BB".getBytes(StandardCharsets.US_ASCII));
			assertThat(server.read()).isEqualTo("Aa".getBytes(StandardCharsets.US_ASCII));
			assertThat(server.read()).isEqualTo("BB".getBytes(StandardCharsets.US_ASCII));
			assertThat(this.receiver.statistics().dropped()).doesNotContainKey(NetworkStatistics.DUPLICATE);
		}
	}

	@Test
	void aServerHoldsABoundedNumberOfNetworkMessages() throws Exception {
		this.receiver = NetworkMailslotTransport
			.start(receiverOptions().maxQueued(3).acceptedNames(BHOST_AND_TARGET).build());
		byte[] tv1 = HexFormat.of().parseHex(Captures.vectorLines().get(1).trim());
		try (MailslotServer server = server("test")) {
			for (int i = 0; i < 5; i++) {
				sendRaw(tv1);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.statistics().received() == 5);
			assertThat(server.info().messageCount()).isEqualTo(3);
			assertThat(this.receiver.statistics().dropped()).containsEntry(NetworkStatistics.QUEUE_FULL, 2L);
			server.read();
			sendRaw(tv1);
			await().atMost(Duration.ofSeconds(10)).until(() -> server.info().messageCount() == 3);
		}
	}

	@Test
	void sentDatagramsCarryTheSendersAddressAndPort() throws Exception {
		start(Duration.ZERO, List.of());
		try (DatagramChannel peer = DatagramChannel.open()) {
			peer.bind(new InetSocketAddress(B, 0));
			NetworkMailslotTransport wildcard = NetworkMailslotTransport.start(NetworkOptions.builder()
				.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0))
				.sendPort(((InetSocketAddress) peer.getLocalAddress()).getPort())
				.netbiosName(NetbiosName.of("ANYHOST", 0))
				.workgroup("MSLTEST")
				.broadcastAddress(B)
				.hosts(Map.of("BHOST", B))
				.build());
			try (MailslotClient client = wildcard.openClient(MailslotName.parse("\\\\bhost\\mailslot\\x"))) {
				client.write(new byte[] { 1 });
				ByteBuffer received = ByteBuffer.allocate(1024);
				InetSocketAddress from = (InetSocketAddress) peer.receive(received);
				assertThat(received.getInt(4)).isEqualTo(ByteBuffer.wrap(from.getAddress().getAddress()).getInt());
				assertThat(received.getShort(8) & 0xFFFF).isEqualTo(from.getPort());
			}
			finally {
				wildcard.close();
			}
		}
	}

	@Test
	void groupDatagramsCarryTheSendersAddressToo() throws Exception {
		InetAddress loopbackBroadcast = InetAddress.getByName("127.255.255.255");
		try (DatagramChannel peer = DatagramChannel.open()) {
			peer.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
			NetworkMailslotTransport wildcard = NetworkMailslotTransport.start(NetworkOptions.builder()
				.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0))
				.sendPort(((InetSocketAddress) peer.getLocalAddress()).getPort())
				.netbiosName(NetbiosName.of("ANYHOST", 0))
				.workgroup("MSLTEST")
				.broadcastAddress(loopbackBroadcast)
				.build());
			try (MailslotClient client = wildcard.openClient(MailslotName.parse("\\\\*\\mailslot\\x"))) {
				client.write(new byte[] { 1 });
				ByteBuffer received = ByteBuffer.allocate(1024);
				InetSocketAddress from = (InetSocketAddress) peer.receive(received);
				assertThat(received.get(0)).isEqualTo((byte) 0x11);
				assertThat(received.getInt(4)).isNotZero()
					.isEqualTo(ByteBuffer.wrap(from.getAddress().getAddress()).getInt());
			}
			finally {
				wildcard.close();
			}
		}
	}

	@Test
	void writesSambaWouldDropAreSentAndWarnedOfOncePerMailslot() throws Exception {
		start(Duration.ZERO, List.of());
		RecordedLogs logs = RecordedLogs.of(NetworkMailslotTransport.class);
		try (logs;
				MailslotServer server = server("big");
				MailslotServer empty = server("empty");
				MailslotClient big = this.sender.openClient(MailslotName.parse("\\\\bhost\\mailslot\\big"));
				MailslotClient none = this.sender.openClient(MailslotName.parse("\\\\bhost\\mailslot\\empty"))) {
			big.write(new byte[400]);
			assertThat(logs.records()).isEmpty();
			big.write(new byte[424]);
			big.write(new byte[424]);
			none.write(new byte[0]);
			assertThat(server.read()).hasSize(400);
			assertThat(server.read()).hasSize(424);
			assertThat(server.read()).hasSize(424);
			assertThat(empty.read()).isEmpty();
		}
		List<String> warnings = logs.messages();
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0)).contains("\\\\bhost\\mailslot\\big")
			.contains("Samba's nmbd drops")
			.contains("nmbd reads at most 576")
			.containsPattern("at most 4[0-9][0-9] bytes of data reach Samba");
		assertThat(warnings.get(1)).contains("it is empty, and nmbd drops empty mailslot writes");
	}

	@Test
	void whatTheProtocolCannotCarryIsRefusedBeforeSending() {
		start(Duration.ZERO, List.of());
		MailslotClient client = this.sender.openClient(MailslotName.parse("\\\\bhost\\mailslot\\x"));
		assertThatExceptionOfType(MessageTooLargeException.class).isThrownBy(() -> client.write(new byte[425]))
			.withMessageContaining("at most 424 bytes");
		MailslotClient tooLong = this.sender.openClient(MailslotName.parse("\\\\host-name-of-20-chars\\mailslot\\x"));
		assertThatExceptionOfType(InvalidMailslotNameException.class).isThrownBy(() -> tooLong.write(new byte[1]))
			.withMessageContaining("is not a NetBIOS name");
	}

	@Test
	void localNamesStayInTheJvm() {
		start(Duration.ZERO, List.of());
		try (MailslotServer server = server("local");
				MailslotClient client = this.receiver.openClient(MailslotName.parse("\\\\.\\mailslot\\local"))) {
			client.write(new byte[] { 7 });
			assertThat(server.readMessage(ReadTimeout.ZERO)).isEqualTo(MailslotMessage.of(new byte[] { 7 }));
			assertThat(this.receiver.statistics().received()).isZero();
		}
	}

}
