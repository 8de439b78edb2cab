package dev.mailslot.transport.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR form, such as {@code 192.0.2.0/24}.
 *
 * @param address the network address
 * @param prefixLength the number of leading bits that must match
 */
public record SourceNetwork(InetAddress address, int prefixLength) {

	/**
	 * Parse {@code address/prefix}, or a single address.
	 * @param cidr the text
	 * @return the network
	 */
	public static SourceNetwork parse(String cidr) {
		String[] parts = cidr.trim().split("/", 2);
		try {
			InetAddress address = InetAddress.getByName(parts[0]);
			int bits = address.getAddress().length * 8;
			int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bits;
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("Network '" + cidr + "' has a prefix outside 0.." + bits);
			}
			return new SourceNetwork(address, prefix);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Network '" + cidr + "' is not an address with an optional /prefix, " + "such as 192.0.2.0/24", ex);
		}
	}

	/**
	 * Return whether an address is in this network.
	 * @param candidate the address
	 * @return whether its leading bits match
	 */
	public boolean contains(InetAddress candidate) {
		byte[] network = this.address.getAddress();
		byte[] other = candidate.getAddress();
		if (network.length != other.length) {
			return false;
		}
		for (int bit = 0; bit < this.prefixLength; bit++) {
			int mask = 0x80 >> (bit % 8);
			if ((network[bit / 8] & mask) != (other[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}

}
