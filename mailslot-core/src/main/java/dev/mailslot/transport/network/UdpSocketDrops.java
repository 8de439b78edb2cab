package dev.mailslot.transport.network;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads how many datagrams the kernel dropped for a UDP socket because its receive buffer
 * was full: the {@code drops} column of Linux's {@code /proc/net/udp}, found by the
 * socket's local address and port. Elsewhere nothing is known.
 */
final class UdpSocketDrops {

	private static final Path PROC_NET_UDP = Path.of("/proc/net/udp");

	private UdpSocketDrops() {
	}

	/**
	 * Return the kernel's drop count of the IPv4 socket bound to the given address.
	 * @param local the socket's local address and port
	 * @return the count, or empty where the kernel does not tell
	 */
	static OptionalLong of(InetSocketAddress local) {
		if (!(local.getAddress() instanceof Inet4Address address) || !Files.isReadable(PROC_NET_UDP)) {
			return OptionalLong.empty();
		}
		byte[] bytes = address.getAddress();
		String key = String.format("%02X%02X%02X%02X:%04X", bytes[3], bytes[2], bytes[1], bytes[0], local.getPort());
		try {
			List<String> lines = Files.readAllLines(PROC_NET_UDP);
			for (String line : lines) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length >= 13 && fields[1].equals(key)) {
					return OptionalLong.of(Long.parseLong(fields[12]));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Unknown, as elsewhere.
		}
		return OptionalLong.empty();
	}

}
