package dev.mailslot;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A second JVM that writes numbered messages to a mailslot, started by
 * {@link MailslotTransportContractTests} and the listener's end-to-end tests. Arguments:
 * transport id, mailslot name, message count, and optionally a write timeout in
 * milliseconds. Prints how many it wrote and its longest write (also when the mailslot is
 * closed in the middle), then exits 0 when all were written, 3 when the mailslot does not
 * exist, 4 when a write timed out, 1 on any other failure.
 */
public final class WriterProcess {

	static final int NO_SUCH_MAILSLOT = 3;

	public static final int WRITE_TIMED_OUT = 4;

	private WriterProcess() {
	}

	public static void main(String[] args) {
		MailslotTransport transport = MailslotTransports.get(args[0]);
		int count = Integer.parseInt(args[2]);
		Duration timeout = (args.length > 3) ? Duration.ofMillis(Long.parseLong(args[3])) : null;
		int written = 0;
		long longest = 0;
		try (MailslotClient client = transport.openClient(MailslotName.parse(args[1]))) {
			for (; written < count; written++) {
				long start = System.nanoTime();
				if (timeout != null) {
					client.write(ByteBuffer.wrap(message(written)), timeout);
				}
				else {
					client.write(message(written));
				}
				longest = Math.max(longest, System.nanoTime() - start);
			}
		}
		catch (NoSuchMailslotException ex) {
			report(written, longest);
			System.err.println(ex.getMessage());
			System.exit(NO_SUCH_MAILSLOT);
		}
		catch (MailslotWriteTimeoutException ex) {
			report(written, longest);
			System.err.println(ex.getMessage());
			System.exit(WRITE_TIMED_OUT);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		report(written, longest);
		System.exit(0);
	}

	private static void report(int written, long longestNanos) {
		System.out
			.println("written " + written + ", longest write " + Duration.ofNanos(longestNanos).toMillis() + " ms");
		System.out.flush();
	}

	/**
	 * Return message number {@code i}: the number, then all 256 byte values rotated by
	 * it.
	 * @param i the number
	 * @return the message
	 */
	public static byte[] message(int i) {
		ByteBuffer buffer = ByteBuffer.allocate(4 + 256).putInt(i);
		for (int b = 0; b < 256; b++) {
			buffer.put((byte) (b + i));
		}
		return buffer.array();
	}

}
