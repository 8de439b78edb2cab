package dev.mailslot;

import java.nio.ByteBuffer;

/**
 * A second JVM that writes numbered messages to a mailslot, started by
 * {@link MailslotTransportContractTests}. Arguments: transport id, mailslot name, message count.
 * Exits 0 when all were written, 3 when the mailslot does not exist, 1 on any other failure.
 */
public final class WriterProcess {

	static final int NO_SUCH_MAILSLOT = 3;

	private WriterProcess() {
	}

	public static void main(String[] args) {
		MailslotTransport transport = MailslotTransports.get(args[0]);
		int count = Integer.parseInt(args[2]);
		try (MailslotClient client = transport.openClient(MailslotName.parse(args[1]))) {
			for (int i = 0; i < count; i++) {
				client.write(message(i));
			}
		}
		catch (NoSuchMailslotException ex) {
			System.err.println(ex.getMessage());
			System.exit(NO_SUCH_MAILSLOT);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	/**
	 * Return message number {@code i}: the number, then all 256 byte values rotated by it.
	 */
	static byte[] message(int i) {
		ByteBuffer buffer = ByteBuffer.allocate(4 + 256).putInt(i);
		for (int b = 0; b < 256; b++) {
			buffer.put((byte) (b + i));
		}
		return buffer.array();
	}

}
