package dev.mailslot.transport.network;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MailslotDatagramCodec} against real Samba datagrams and the encoder
 * vectors.
 */
class MailslotDatagramCodecTests {

	private static final HexFormat HEX = HexFormat.of();

	private static final byte[] TV1 = HEX.parseHex(vector("# TV1"));

	private static final int JAVAHOST_ADDRESS = 0xC0000202;

	static Stream<Captures.Datagram> realDatagrams() {
		List<Captures.Datagram> all = new ArrayList<>(Captures.tsvDatagrams());
		Captures.PCAPS.forEach((pcap) -> all.addAll(Captures.pcapDatagrams(pcap)));
		return all.stream();
	}

	private static String vector(String heading) {
		List<String> lines = Captures.vectorLines();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(heading)) {
				return lines.get(i + 1).trim();
			}
		}
		throw new IllegalStateException("no vector " + heading);
	}

	private static MailslotDatagram decode(byte[] payload) {
		DecodeResult result = MailslotDatagramCodec.decode(payload, payload.length);
		assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
		return ((DecodeResult.Decoded) result).datagram();
	}

	private static DatagramRejection rejection(byte[] payload) {
		DecodeResult result = MailslotDatagramCodec.decode(payload, payload.length);
		assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
		return ((DecodeResult.Rejected) result).reason();
	}

	@Test
	void theCapturesHoldDatagrams() {
		assertThat(Captures.tsvDatagrams()).hasSize(10);
		assertThat(Captures.pcapDatagrams("nmbd-browse-and-netlogon.pcap")).hasSizeGreaterThan(20);
		assertThat(Captures.pcapDatagrams("nmbd-browse-burst.pcap")).hasSizeGreaterThan(10);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("realDatagrams")
	void everyRealDatagramDecodesAndReEncodesByteForByte(Captures.Datagram captured) {
		MailslotDatagram datagram = decode(captured.payload());
		assertThat(datagram.mailslot()).startsWithIgnoringCase("\\MAILSLOT\\");
		assertThat(HEX.formatHex(MailslotDatagramCodec.encode(datagram))).isEqualTo(HEX.formatHex(captured.payload()));
	}

	@Test
	void decodesAnNmbdHostAnnouncement() {
		MailslotDatagram datagram = decode(Captures.tsvDatagrams().get(0).payload());
		assertThat(datagram.type()).isEqualTo(DatagramType.DIRECT_GROUP);
		assertThat(datagram.source()).isEqualTo(NetbiosName.of("NMBDPEER", 0x00));
		assertThat(datagram.destination()).isEqualTo(NetbiosName.of("MSLTEST", 0x1D));
		assertThat(datagram.mailslot()).isEqualTo("\\MAILSLOT\\BROWSE");
		assertThat(datagram.sourcePort()).isEqualTo(138);
		assertThat(datagram.transaction().priority()).isEqualTo(1);
		assertThat(datagram.transaction().mailslotClass()).isEqualTo(2);
		assertThat(datagram.dataLength()).isEqualTo(56);
		assertThat(datagram.data()[0]).isEqualTo((byte) 0x01);
	}

	@Test
	void decodesTheMasterBrowserNameWithItsControlBytes() {
		MailslotDatagram datagram = decode(Captures.tsvDatagrams().get(9).payload());
		assertThat(datagram.destination()).isEqualTo(NetbiosName.of("\u0001\u0002__MSBROWSE__\u0002", 0x01));
		assertThat(datagram.destination()).hasToString("\\x01\\x02__MSBROWSE__\\x02<01>");
	}

	@Test
	void encodesTheUnicastVector() {
		MailslotDatagram datagram = new MailslotDatagram(DatagramType.DIRECT_UNIQUE, MailslotDatagram.FIRST, 0x1234,
				JAVAHOST_ADDRESS, 138, NetbiosName.of("JAVAHOST", 0), NetbiosName.of("target", 0),
				MailslotDatagram.TransactionFields.DEFAULTS, "\\MAILSLOT\\test", "hello".getBytes());
		assertThat(HEX.formatHex(MailslotDatagramCodec.encode(datagram))).isEqualTo(HEX.formatHex(TV1));
		assertThat(TV1).hasSize(171);
		assertThat(decode(TV1)).isEqualTo(datagram);
	}

	@Test
	void refusesTheOverLimitGroupVector() {
		byte[] tv2 = HEX.parseHex(vector("# TV2"));
		MailslotDatagram datagram = new MailslotDatagram(DatagramType.DIRECT_GROUP, MailslotDatagram.FIRST, 0x0001,
				JAVAHOST_ADDRESS, 138, NetbiosName.of("JAVAHOST", 0), NetbiosName.of("WORKGROUP", 0),
				MailslotDatagram.TransactionFields.DEFAULTS, "\\MAILSLOT\\app\\events", "A".repeat(424).getBytes());
		assertThatIllegalArgumentException().isThrownBy(() -> MailslotDatagramCodec.encode(datagram))
			.withMessageContaining("at most 443 bytes together")
			.withMessageContaining("have 445");
		assertThat(rejection(tv2)).isEqualTo(DatagramRejection.OVER_LIMIT);
	}

	@Test
	void refusesMessagesOver424Bytes() {
		MailslotDatagram datagram = new MailslotDatagram(DatagramType.DIRECT_GROUP, MailslotDatagram.FIRST, 1,
				JAVAHOST_ADDRESS, 138, NetbiosName.of("JAVAHOST", 0), NetbiosName.of("W", 0),
				MailslotDatagram.TransactionFields.DEFAULTS, "\\MAILSLOT\\A", new byte[425]);
		assertThatIllegalArgumentException().isThrownBy(() -> MailslotDatagramCodec.encode(datagram))
			.withMessageContaining("at most 424 bytes");
	}

	@Test
	void encodesNamesAsTheVectorsShow() {
		assertThat(encodedName(NetbiosName.of("TARGET", 0))).isEqualTo(nameVector("TARGET<00>"));
		assertThat(encodedName(NetbiosName.of("WORKGROUP", 0))).isEqualTo(nameVector("WORKGROUP<00>"));
		assertThat(encodedName(NetbiosName.of("MSLTEST", 0x1D))).isEqualTo(nameVector("MSLTEST<1d>"));
		assertThat(encodedName(NetbiosName.of("*", 0))).isEqualTo(nameVector("*<00>"));
	}

	private static String encodedName(NetbiosName name) {
		ByteBuffer out = ByteBuffer.allocate(name.encodedLength());
		name.encode(out);
		return HEX.formatHex(out.array());
	}

	private static String nameVector(String name) {
		return Captures.vectorLines()
			.stream()
			.filter((line) -> line.startsWith("# name " + name + " -> "))
			.map((line) -> line.substring(line.indexOf("-> ") + 3).trim())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void rejectsWhatIsNotAMailslotWriteWithAReason() {
		assertThat(rejection(new byte[10])).isEqualTo(DatagramRejection.TRUNCATED);
		assertThat(rejection(Arrays.copyOf(TV1, 100))).isEqualTo(DatagramRejection.TRUNCATED);
		assertThat(rejection(changed(0, 0x13))).isEqualTo(DatagramRejection.UNSUPPORTED_TYPE);
		assertThat(rejection(changed(1, 0x03))).isEqualTo(DatagramRejection.FRAGMENT);
		assertThat(rejection(changed(1, 0x00))).isEqualTo(DatagramRejection.FRAGMENT);
		assertThat(rejection(changed(13, 0x08))).isEqualTo(DatagramRejection.FRAGMENT);
		assertThat(rejection(changed(14, 31))).isEqualTo(DatagramRejection.BAD_NAME);
		assertThat(rejection(changed(15, 'Z'))).isEqualTo(DatagramRejection.BAD_NAME);
		assertThat(rejection(changed(82, 0xFE))).isEqualTo(DatagramRejection.NOT_SMB);
		assertThat(rejection(changed(86, 0x24))).isEqualTo(DatagramRejection.NOT_MAILSLOT_WRITE);
		assertThat(rejection(changed(82 + 32, 16))).isEqualTo(DatagramRejection.NOT_MAILSLOT_WRITE);
		assertThat(rejection(changed(82 + 33 + 26, 2))).isEqualTo(DatagramRejection.NOT_MAILSLOT_WRITE);
		assertThat(rejection(changed(82 + 33 + 28, 2))).isEqualTo(DatagramRejection.NOT_MAILSLOT_WRITE);
		assertThat(rejection(changed(82 + 33 + 22, 60))).isEqualTo(DatagramRejection.BAD_DATA_BOUNDS);
		assertThat(rejection(changed(82 + 33 + 2, TV1[82 + 33 + 2] + 1)))
			.isEqualTo(DatagramRejection.INCOMPLETE_TRANSACTION);
		assertThat(rejection(changed(82 + 69 + 14, 'x'))).isEqualTo(DatagramRejection.BAD_MAILSLOT_NAME);
		assertThat(rejection(changed(82 + 70, 'P'))).isEqualTo(DatagramRejection.BAD_MAILSLOT_NAME);
	}

	@Test
	void toleratesAWrongLengthAndClassOne() {
		assertThat(decode(changed(11, 0x00)).mailslot()).isEqualTo("\\MAILSLOT\\test");
		assertThat(decode(changed(82 + 33 + 32, 1)).transaction().mailslotClass()).isEqualTo(1);
	}

	@Test
	void decodesOnlyTheLengthReceived() {
		byte[] buffer = Arrays.copyOf(TV1, 2048);
		DecodeResult result = MailslotDatagramCodec.decode(buffer, TV1.length);
		assertThat(((DecodeResult.Decoded) result).datagram().data()).isEqualTo("hello".getBytes());
		assertThat(MailslotDatagramCodec.decode(buffer, 50)).isInstanceOf(DecodeResult.Rejected.class);
	}

	private static byte[] changed(int offset, int value) {
		byte[] copy = TV1.clone();
		copy[offset] = (byte) value;
		return copy;
	}

}
