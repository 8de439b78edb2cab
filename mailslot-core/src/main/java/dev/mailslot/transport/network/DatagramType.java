package dev.mailslot.transport.network;

import org.jspecify.annotations.Nullable;

/**
 * The NetBIOS datagram types that carry mailslot writes (RFC 1002 4.4.1).
 */
public enum DatagramType {

	/** To one unique name: {@code \\HOST\mailslot\...}. */
	DIRECT_UNIQUE(0x10),

	/** To a group name: {@code \\DOMAIN\mailslot\...} and {@code \\*\mailslot\...}. */
	DIRECT_GROUP(0x11),

	/** To every node. */
	BROADCAST(0x12);

	private final int code;

	DatagramType(int code) {
		this.code = code;
	}

	/**
	 * Return the MSG_TYPE byte.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	static @Nullable DatagramType of(int code) {
		for (DatagramType type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		return null;
	}

}
