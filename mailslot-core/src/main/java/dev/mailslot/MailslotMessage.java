package dev.mailslot;

import java.util.Arrays;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message with what the transport knows of where it came from: the network transport
 * tells the sender's NetBIOS name and address, the name written to and the datagram type;
 * local transports tell nothing.
 *
 * @param payload the message
 * @param attributes what the transport knows of the message, by the names of
 * {@link Attributes}
 */
public record MailslotMessage(byte[] payload, Map<String, String> attributes) {

	public MailslotMessage {
		attributes = Map.copyOf(attributes);
	}

	/**
	 * Return a message without attributes.
	 * @param payload the message
	 * @return the message
	 */
	public static MailslotMessage of(byte[] payload) {
		return new MailslotMessage(payload, Map.of());
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj instanceof MailslotMessage other) && Arrays.equals(this.payload, other.payload)
				&& this.attributes.equals(other.attributes);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.payload) + this.attributes.hashCode();
	}

	@Override
	public String toString() {
		return "MailslotMessage[" + this.payload.length + " bytes, " + this.attributes + "]";
	}

	/**
	 * Names of the attributes transports set.
	 */
	public static final class Attributes {

		/** The sender's NetBIOS name, such as {@code NMBDPEER<00>}. */
		public static final String SENDER = "sender";

		/** The sender's IP address and port, such as {@code 192.0.2.1:138}. */
		public static final String SENDER_ADDRESS = "senderAddress";

		/** The NetBIOS name the message was written to, such as {@code MSLTEST<1D>}. */
		public static final String DESTINATION = "destination";

		/**
		 * The NetBIOS datagram type: {@code DIRECT_UNIQUE}, {@code DIRECT_GROUP} or
		 * {@code BROADCAST}.
		 */
		public static final String DATAGRAM_TYPE = "datagramType";

		private Attributes() {
		}

	}

}
