package dev.mailslot.transport.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the real Samba datagrams in {@code src/test/resources/captures}: the UDP payloads
 * to or from port 138 of the pcap files (Ethernet, IPv4), and the hex lines of the tsv
 * and vector files.
 */
final class Captures {

	static final List<String> PCAPS = List.of("nmbd-browse-and-netlogon.pcap", "nmbd-browse-burst.pcap");

	private Captures() {
	}

	static List<Datagram> pcapDatagrams(String file) {
		ByteBuffer pcap = ByteBuffer.wrap(read(file)).order(ByteOrder.LITTLE_ENDIAN);
		pcap.position(24);
		List<Datagram> datagrams = new ArrayList<>();
		for (int frame = 1; pcap.remaining() >= 16; frame++) {
			pcap.position(pcap.position() + 8);
			int included = pcap.getInt();
			pcap.getInt();
			ByteBuffer packet = pcap.slice(pcap.position(), included).order(ByteOrder.BIG_ENDIAN);
			pcap.position(pcap.position() + included);
			if (packet.getShort(12) != 0x0800) {
				continue;
			}
			int ip = 14;
			int ipHeader = (packet.get(ip) & 0x0F) * 4;
			if (packet.get(ip + 9) != 17) {
				continue;
			}
			int udp = ip + ipHeader;
			int sourcePort = packet.getShort(udp) & 0xFFFF;
			int destinationPort = packet.getShort(udp + 2) & 0xFFFF;
			int udpLength = packet.getShort(udp + 4) & 0xFFFF;
			if (sourcePort != 138 && destinationPort != 138) {
				continue;
			}
			byte[] payload = new byte[udpLength - 8];
			packet.get(udp + 8, payload);
			datagrams.add(new Datagram(file + " frame " + frame, payload));
		}
		return datagrams;
	}

	static List<Datagram> tsvDatagrams() {
		List<Datagram> datagrams = new ArrayList<>();
		for (String line : new String(read("nmbd-datagrams.tsv"), StandardCharsets.US_ASCII).split("\n")) {
			String[] columns = line.trim().split("\t");
			if (columns.length == 3) {
				datagrams
					.add(new Datagram("nmbd-datagrams.tsv frame " + columns[0], HexFormat.of().parseHex(columns[2])));
			}
		}
		return datagrams;
	}

	static List<String> vectorLines() {
		return List.of(new String(read("encoder-vectors.txt"), StandardCharsets.US_ASCII).split("\n"));
	}

	private static byte[] read(String file) {
		try (InputStream in = Captures.class.getResourceAsStream("/captures/" + file)) {
			if (in == null) {
				throw new IllegalStateException("No capture " + file + " in src/test/resources/captures");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A UDP payload of a capture.
	 */
	record Datagram(String source, byte[] payload) {

		@Override
		public String toString() {
			return this.source;
		}

	}

}
