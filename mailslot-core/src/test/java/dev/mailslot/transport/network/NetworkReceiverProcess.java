package dev.mailslot.transport.network;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

/**
 * A second JVM, started with a small heap by the network tests, that receives as BHOST in
 * MSLTEST on 127.0.0.2 with a duplicate window: it prints {@code port <n>}, then
 * {@code received <text>} for each message of {@code \\.\mailslot\inbox}; for each line
 * {@code statistics} on its standard input it prints
 * {@code statistics <received> <delivered> <reason>=<count>,...} (a {@code -} for no
 * drops); it ends when its standard input closes.
 */
public final class NetworkReceiverProcess {

	private NetworkReceiverProcess() {
	}

	public static void main(String[] args) throws Exception {
		InetAddress address = InetAddress.getByName("127.0.0.2");
		NetworkMailslotTransport transport = NetworkMailslotTransport.start(NetworkOptions.builder()
			.bind(new InetSocketAddress(address, 0))
			.netbiosName(NetbiosName.of("BHOST", 0))
			.workgroup("MSLTEST")
			.broadcastAddress(address)
			.duplicateWindow(Duration.ofSeconds(60))
			.build());
		MailslotServer inbox = transport
			.createServer(MailslotServerOptions.builder(MailslotName.local("inbox")).build());
		Thread reader = new Thread(() -> {
			while (true) {
				try {
					byte[] message = inbox.read(ReadTimeout.ofMillis(200));
					System.out.println("received " + new String(message, StandardCharsets.US_ASCII));
					System.out.flush();
				}
				catch (MailslotTimeoutException ex) {
					// Look again.
				}
			}
		});
		reader.setDaemon(true);
		reader.start();
		System.out.println("port " + transport.getLocalAddress().getPort());
		System.out.flush();
		BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
		for (String line = input.readLine(); line != null; line = input.readLine()) {
			if (line.equals("statistics")) {
				NetworkStatistics statistics = transport.statistics();
				String dropped = statistics.dropped().isEmpty() ? "-"
						: statistics.dropped()
							.entrySet()
							.stream()
							.map((drop) -> drop.getKey() + "=" + drop.getValue())
							.collect(Collectors.joining(","));
				System.out
					.println("statistics " + statistics.received() + " " + statistics.delivered() + " " + dropped);
				System.out.flush();
			}
		}
		System.exit(0);
	}

}
