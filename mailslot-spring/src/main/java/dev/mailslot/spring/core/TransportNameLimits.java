package dev.mailslot.spring.core;

import java.nio.charset.StandardCharsets;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotTransport;
import dev.mailslot.transport.network.NetbiosName;
import dev.mailslot.transport.network.NetworkMailslotTransport;
import dev.mailslot.transport.posix.PosixQueueNames;

/**
 * Tells, without writing, the names a transport can never write to: a remote name on a
 * transport that carries local names only, a path too long for the posix transport's
 * queue names, a host that is not a NetBIOS name on the network transport. The win32
 * transport carries every name {@link MailslotName} accepts; a transport this class does
 * not know tells at its first write.
 */
final class TransportNameLimits {

	private TransportNameLimits() {
	}

	/**
	 * Check that a transport can carry writes to a name.
	 * @param name the name
	 * @param carrier the transport that would write to it
	 * @throws InvalidMailslotNameException saying why it never can
	 */
	static void check(MailslotName name, MailslotTransport carrier) {
		switch (carrier.id()) {
			case "posix" -> PosixQueueNames.queueName(name);
			case "memory" -> {
				if (!name.isLocal()) {
					throw invalid(name, "the memory transport carries only names on this host (\\\\.\\mailslot\\...); "
							+ "enable the network transport for remote names");
				}
			}
			case NetworkMailslotTransport.ID -> {
				if (!name.isLocal()) {
					checkRemote(name);
				}
			}
			default -> {
			}
		}
	}

	private static void checkRemote(MailslotName name) {
		if (name.scope() == MailslotName.Scope.REMOTE) {
			try {
				NetbiosName.of(name.host(), 0x00);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(name, "the network transport sends to NetBIOS names, and the host '" + name.host()
						+ "' is not one: " + ex.getMessage());
			}
		}
		if (!StandardCharsets.US_ASCII.newEncoder().canEncode(name.path())) {
			throw invalid(name, "the network transport sends remote mailslot names in ASCII; use ASCII in the path");
		}
	}

	private static InvalidMailslotNameException invalid(MailslotName name, String reason) {
		return new InvalidMailslotNameException(name.toString(), "Invalid mailslot name '" + name + "': " + reason);
	}

}
