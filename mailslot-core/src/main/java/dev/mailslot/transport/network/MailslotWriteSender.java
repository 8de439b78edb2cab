package dev.mailslot.transport.network;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.NoSuchMailslotException;

/**
 * Sends remote mailslot writes: {@code \\HOST\mailslot\...} as a unique datagram to
 * {@code HOST<00>} at the host's address (from the options' hosts, else DNS), and
 * {@code \\*\mailslot\...} or {@code \\<workgroup>\mailslot\...} as a group datagram to
 * {@code <workgroup><00>} at the broadcast address. What the protocol cannot carry is
 * refused before anything is sent.
 */
final class MailslotWriteSender {

	private static final String MAILSLOT_PREFIX = "\\MAILSLOT\\";

	private final NetworkOptions options;

	private final NetworkSocket socket;

	private final AtomicInteger datagramIds = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));

	private final SambaDropWarnings sambaDropWarnings = new SambaDropWarnings();

	/**
	 * Create a sender.
	 * @param options this host's name, its workgroup, the broadcast address, the hosts
	 * and the port to send to
	 * @param socket the socket to send from
	 */
	MailslotWriteSender(NetworkOptions options, NetworkSocket socket) {
		this.options = options;
		this.socket = socket;
	}

	/**
	 * Send one remote mailslot write.
	 * @param target a remote, domain or {@code *} name
	 * @param data the message
	 * @throws InvalidMailslotNameException if the host is not a NetBIOS name or the path
	 * not ASCII
	 * @throws NoSuchMailslotException if the host cannot be resolved
	 * @throws MessageTooLargeException if the protocol cannot carry the message
	 * @throws MailslotException if the datagram cannot be sent
	 */
	void send(MailslotName target, byte[] data) {
		boolean group = target.scope() == MailslotName.Scope.PRIMARY_DOMAIN
				|| target.host().equalsIgnoreCase(this.options.workgroup());
		NetbiosName destination;
		InetAddress address;
		if (group) {
			destination = NetbiosName.of(this.options.workgroup(), 0x00);
			address = this.options.broadcastAddress();
		}
		else {
			try {
				destination = NetbiosName.of(target.host(), 0x00);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidMailslotNameException(target.toString(), "Invalid mailslot name '" + target
						+ "': the host '" + target.host() + "' is not a NetBIOS name: " + ex.getMessage());
			}
			address = resolve(target);
		}
		String mailslot = MAILSLOT_PREFIX + target.path();
		if (!StandardCharsets.US_ASCII.newEncoder().canEncode(mailslot)) {
			throw new InvalidMailslotNameException(target.toString(),
					"Invalid mailslot name '" + target + "': remote mailslot names are ASCII");
		}
		InetSocketAddress to = new InetSocketAddress(address, this.options.sendPort());
		MailslotDatagram datagram = new MailslotDatagram(group ? DatagramType.DIRECT_GROUP : DatagramType.DIRECT_UNIQUE,
				MailslotDatagram.FIRST, this.datagramIds.getAndIncrement() & 0xFFFF,
				this.socket.sourceAddressTowards(to), this.socket.localAddress().getPort(), this.options.netbiosName(),
				destination, MailslotDatagram.TransactionFields.DEFAULTS, mailslot, data);
		byte[] bytes;
		try {
			bytes = MailslotDatagramCodec.encode(datagram);
		}
		catch (IllegalArgumentException ex) {
			throw new MessageTooLargeException(target, data.length, MailslotDatagramCodec.MAX_DATA,
					ex.getMessage() + "; nothing was sent");
		}
		this.sambaDropWarnings.warnIfSambaDrops(target, data.length, bytes.length);
		try {
			this.socket.send(bytes, to);
		}
		catch (IOException ex) {
			throw new MailslotException(target, "Cannot send to " + target + " at " + address + ": " + ex.getMessage(),
					ex);
		}
	}

	private InetAddress resolve(MailslotName target) {
		InetAddress mapped = this.options.hosts().get(target.host().toUpperCase(Locale.ROOT));
		if (mapped != null) {
			return mapped;
		}
		try {
			for (InetAddress candidate : InetAddress.getAllByName(target.host())) {
				if (candidate instanceof Inet4Address) {
					return candidate;
				}
			}
			throw new UnknownHostException(target.host() + " has no IPv4 address");
		}
		catch (UnknownHostException ex) {
			throw new NoSuchMailslotException(target, "Cannot resolve the host '" + target.host() + "' of " + target
					+ "; add it to the network transport's hosts (NetworkOptions.Builder.hosts) or to DNS");
		}
	}

}
