package dev.mailslot.transport.network;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wireshark's dissectors, through tshark, read what the encoder writes as mailslot writes
 * (with the mailslot name, the datagram type and, for a message with data, the write
 * opcode) and raise no expert message about them, also on a real browser announcement the
 * BROWSE dissector parses.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "tshark is installed by .ci/run on Linux")
class MailslotDatagramTsharkTests {

	private static final int JAVAHOST = 0xC0000202;

	@Test
	void tsharkDissectsEncodedDatagramsWithoutExpertMessages() throws Exception {
		Assumptions.assumeTrue(onPath("tshark"), "tshark is not installed (.ci/run installs it)");
		List<MailslotDatagram> datagrams = List.of(
				datagram(DatagramType.DIRECT_UNIQUE, NetbiosName.of("TARGET", 0), "\\MAILSLOT\\test", "hello"),
				datagram(DatagramType.DIRECT_GROUP, NetbiosName.of("WORKGROUP", 0), "\\MAILSLOT\\app\\events",
						"A".repeat(400)),
				datagram(DatagramType.BROADCAST, NetbiosName.of("*", 0), "\\MAILSLOT\\Empty", ""),
				datagram(DatagramType.DIRECT_GROUP, NetbiosName.of("MSLTEST", 0x1D), "\\MAILSLOT\\BROWSE",
						new String(nmbdHostAnnouncement(), StandardCharsets.ISO_8859_1)));
		Path pcap = Path.of("target", "tshark", "encoded.pcap");
		Files.createDirectories(pcap.getParent());
		Files.write(pcap, pcap(datagrams.stream().map(MailslotDatagramCodec::encode).toList()));
		Process tshark = new ProcessBuilder("tshark", "-r", pcap.toString(), "-n", "-T", "fields", "-e",
				"smb.trans_name", "-e", "nbdgm.type", "-e", "mailslot.opcode", "-e", "_ws.expert.message")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String output = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(tshark.exitValue()).isZero();
		List<String> lines = output.lines().toList();
		assertThat(lines).hasSize(datagrams.size());
		for (int i = 0; i < datagrams.size(); i++) {
			String[] fields = lines.get(i).split("\t", -1);
			MailslotDatagram datagram = datagrams.get(i);
			assertThat(fields[0]).as("mailslot name of datagram %d", i).isEqualTo(datagram.mailslot());
			assertThat(Integer.decode(fields[1])).as("type of datagram %d", i).isEqualTo(datagram.type().code());
			if (datagram.dataLength() > 0) {
				assertThat(fields[2]).as("mailslot opcode of datagram %d", i).isEqualTo("1");
			}
			assertThat(fields[3]).as("expert messages on datagram %d", i).isEmpty();
		}
	}

	/**
	 * Return the body of a host announcement nmbd sent, so that the BROWSE dissector has
	 * a real one.
	 */
	private static byte[] nmbdHostAnnouncement() {
		byte[] payload = Captures.tsvDatagrams().get(0).payload();
		return ((DecodeResult.Decoded) MailslotDatagramCodec.decode(payload, payload.length)).datagram().data();
	}

	private static MailslotDatagram datagram(DatagramType type, NetbiosName destination, String mailslot, String data) {
		return new MailslotDatagram(type, MailslotDatagram.FIRST, 0x4242, JAVAHOST, 138, NetbiosName.of("JAVAHOST", 0),
				destination, MailslotDatagram.TransactionFields.DEFAULTS, mailslot,
				data.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Wrap UDP payloads from 192.0.2.2:138 to 192.0.2.1:138 in Ethernet and IPv4, in a
	 * pcap file.
	 */
	private static byte[] pcap(List<byte[]> payloads) throws IOException {
		int size = 24 + payloads.stream().mapToInt((payload) -> 16 + 42 + payload.length).sum();
		ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
		out.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
		for (byte[] payload : payloads) {
			int frame = 42 + payload.length;
			out.order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(0).putInt(frame).putInt(frame);
			out.order(ByteOrder.BIG_ENDIAN);
			out.put(new byte[] { 2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2 }).putShort((short) 0x0800);
			int ipStart = out.position();
			out.put((byte) 0x45)
				.put((byte) 0)
				.putShort((short) (20 + 8 + payload.length))
				.putShort((short) 1)
				.putShort((short) 0)
				.put((byte) 64)
				.put((byte) 17)
				.putShort((short) 0)
				.putInt(JAVAHOST)
				.putInt(0xC0000201);
			out.putShort(ipStart + 10, ipChecksum(out, ipStart));
			out.putShort((short) 138).putShort((short) 138).putShort((short) (8 + payload.length)).putShort((short) 0);
			out.put(payload);
		}
		return out.array();
	}

	private static short ipChecksum(ByteBuffer out, int start) {
		int sum = 0;
		for (int i = 0; i < 20; i += 2) {
			sum += out.getShort(start + i) & 0xFFFF;
		}
		while ((sum >> 16) != 0) {
			sum = (sum & 0xFFFF) + (sum >> 16);
		}
		return (short) ~sum;
	}

	private static boolean onPath(String program) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, program)));
	}

}
