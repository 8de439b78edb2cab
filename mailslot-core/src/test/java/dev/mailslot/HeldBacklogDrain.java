package dev.mailslot;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader that takes a backlog of numbered messages at about 500 a second while a writer
 * goes on at about 100 a second, each write waiting 100 ms at most, for the held-messages
 * fault tests of every transport: how many writes were refused while the backlog drained.
 */
public final class HeldBacklogDrain {

	private HeldBacklogDrain() {
	}

	/**
	 * Write {@code more} numbered messages after the {@code held} already written, each
	 * refused one again, while a reader takes all of them in order.
	 * @return how many writes were refused
	 */
	public static int refusedWhileTheBacklogDrains(MailslotServer server, MailslotClient client, int held, int more)
			throws Exception {
		CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
			for (int i = 0; i < held + more; i++) {
				assertThat(ByteBuffer.wrap(server.read()).getInt()).isEqualTo(i);
				sleep(2);
			}
			return held + more;
		});
		int refused = 0;
		for (int i = held; i < held + more; i++) {
			try {
				client.write(number(i), Duration.ofMillis(100));
			}
			catch (MailslotWriteTimeoutException ex) {
				refused++;
				i--;
			}
			sleep(10);
		}
		assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo(held + more);
		return refused;
	}

	/**
	 * Return message number {@code i}: 64 bytes, the number first.
	 */
	public static ByteBuffer number(int i) {
		return ByteBuffer.allocate(64).putInt(0, i);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
