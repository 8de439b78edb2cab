package dev.mailslot.transport.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link NetworkOptions} and its builder: what an unset value is, and that a bad one is
 * refused with the value and what to give instead.
 */
class NetworkOptionsTests {

	private static final NetbiosName HOST = NetbiosName.of("JAVAHOST", 0x00);

	@Test
	void unsetValuesAreThoseOfWindowsAndSamba() throws Exception {
		NetworkOptions options = NetworkOptions.builder().netbiosName(HOST).build();
		assertThat(options.bind()).isEqualTo(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 138));
		assertThat(options.sendPort()).isEqualTo(138);
		assertThat(options.netbiosName()).isEqualTo(HOST);
		assertThat(options.workgroup()).isEqualTo("WORKGROUP");
		assertThat(options.broadcastAddress()).isEqualTo(InetAddress.getByName("255.255.255.255"));
		assertThat(options.hosts()).isEmpty();
		assertThat(options.duplicateWindow()).isZero();
		assertThat(options.allowedSources()).isEmpty();
		assertThat(options.maxQueued()).isEqualTo(NetworkOptions.DEFAULT_MAX_QUEUED);
		assertThat(options.acceptedNames()).isEmpty();
		assertThat(options.receiveBufferSize()).isZero();
		assertThat(options.answersFor()).containsExactlyInAnyOrder(HOST, NetbiosName.of("WORKGROUP", 0x00),
				NetbiosName.of("WORKGROUP", 0x1D), NetbiosName.of("WORKGROUP", 0x1E), NetworkOptions.MSBROWSE);
	}

	@Test
	void setValuesAreKept() throws Exception {
		InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 1138);
		InetAddress peer = InetAddress.getByName("127.0.0.3");
		SourceNetwork loopback = SourceNetwork.parse("127.0.0.0/8");
		NetworkOptions options = NetworkOptions.builder()
			.bind(bind)
			.sendPort(2138)
			.netbiosName(HOST)
			.workgroup("MSLTEST")
			.broadcastAddress(peer)
			.hosts(Map.of("peerhost", peer))
			.duplicateWindow(Duration.ofSeconds(2))
			.allowedSources(List.of(loopback))
			.maxQueued(5)
			.acceptedNames(List.of(NetbiosName.of("OTHER", 0x20)))
			.receiveBufferSize(4096)
			.build();
		assertThat(options.bind()).isEqualTo(bind);
		assertThat(options.sendPort()).isEqualTo(2138);
		assertThat(options.workgroup()).isEqualTo("MSLTEST");
		assertThat(options.broadcastAddress()).isEqualTo(peer);
		assertThat(options.hosts()).containsExactly(Map.entry("PEERHOST", peer));
		assertThat(options.duplicateWindow()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.allowedSources()).containsExactly(loopback);
		assertThat(options.maxQueued()).isEqualTo(5);
		assertThat(options.answersFor()).containsExactly(NetbiosName.of("OTHER", 0x20));
		assertThat(options.receiveBufferSize()).isEqualTo(4096);
	}

	@Test
	void optionsDoNotChangeWithWhatTheyWereBuiltFrom() throws Exception {
		Map<String, InetAddress> hosts = new HashMap<>(Map.of("PEER", InetAddress.getByName("127.0.0.3")));
		List<SourceNetwork> sources = new ArrayList<>(List.of(SourceNetwork.parse("127.0.0.0/8")));
		NetworkOptions.Builder builder = NetworkOptions.builder()
			.netbiosName(HOST)
			.hosts(hosts)
			.allowedSources(sources);
		NetworkOptions options = builder.build();
		hosts.clear();
		sources.clear();
		builder.hosts(Map.of()).allowedSources(List.of());
		assertThat(options.hosts()).containsOnlyKeys("PEER");
		assertThat(options.allowedSources()).hasSize(1);
	}

	@Test
	void optionsWithoutANetbiosNameSayHowToSetOne() {
		assertThatIllegalStateException().isThrownBy(() -> NetworkOptions.builder().build())
			.withMessageContaining("No NetBIOS name")
			.withMessageContaining("netbiosName(NetbiosName.of(\"MYHOST\", 0x00))");
	}

	@Test
	void aSendPortOutsideTheUdpPortsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NetworkOptions.builder().sendPort(0))
			.withMessageContaining("sendPort 0 is outside 1 to 65535")
			.withMessageContaining("138 for Windows and Samba");
		assertThatIllegalArgumentException().isThrownBy(() -> NetworkOptions.builder().sendPort(65_536))
			.withMessageContaining("sendPort 65536");
	}

	@Test
	void anUnresolvedBindAddressIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NetworkOptions.builder().bind(InetSocketAddress.createUnresolved("no.such.host", 138)))
			.withMessageContaining("no.such.host")
			.withMessageContaining("is unresolved; give an address of this host");
	}

	@Test
	void aWorkgroupThatIsNoNetbiosNameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NetworkOptions.builder().workgroup("A-WORKGROUP-OF-20CH"))
			.withMessageContaining("workgroup 'A-WORKGROUP-OF-20CH' is not a NetBIOS name")
			.withMessageContaining("1 to 15 characters");
	}

	@Test
	void aNegativeDuplicateWindowIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NetworkOptions.builder().duplicateWindow(Duration.ofSeconds(-1)))
			.withMessageContaining("duplicateWindow PT-1S is negative; give zero to keep every datagram");
	}

	@Test
	void maxQueuedBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NetworkOptions.builder().maxQueued(0))
			.withMessageContaining("maxQueued 0 is less than 1")
			.withMessageContaining("such as 10000");
	}

	@Test
	void aNegativeReceiveBufferSizeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NetworkOptions.builder().receiveBufferSize(-1))
			.withMessageContaining("receiveBufferSize -1 is negative; give 0 for the system's default");
	}

}
