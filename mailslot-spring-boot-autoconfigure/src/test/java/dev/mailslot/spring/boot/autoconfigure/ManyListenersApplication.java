package dev.mailslot.spring.boot.autoconfigure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotServer;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotServers;

/**
 * A Boot application in a second JVM with 50 {@code @MailslotListener}s, started by
 * {@link MailslotManyListenersTests}: the first names a {@code mailslot.servers} entry
 * through a placeholder ({@code many.first}), the others mailslots of their own. It
 * prints {@code ready}, then answers each line of standard input: {@code write N} writes
 * N messages to each listener's mailslot, through a posix client, and prints
 * {@code accepted ID COUNT} for each; {@code count} prints {@code received ID COUNT} and
 * {@code waiting ID COUNT} for each, then {@code counted}. A message that fails to write
 * is printed.
 */
@SpringBootConfiguration
@ImportAutoConfiguration(MailslotAutoConfiguration.class)
public class ManyListenersApplication {

	@Bean
	FiftyListeners fiftyListeners() {
		return new FiftyListeners();
	}

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(ManyListenersApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context = application.run(args);
		MailslotListenerEndpointRegistry registry = context.getBean(MailslotListenerEndpointRegistry.class);
		MailslotServers servers = context.getBean(MailslotServers.class);
		FiftyListeners listeners = context.getBean(FiftyListeners.class);
		System.out.println("ready");
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String command = commands.readLine(); command != null; command = commands.readLine()) {
			if (command.startsWith("write ")) {
				int count = Integer.parseInt(command.substring("write ".length()));
				registry.getListenerContainers().forEach((container) -> {
					int accepted = 0;
					try (MailslotClient client = servers.getTransport().openClient(container.getServer().name())) {
						for (int i = 0; i < count; i++) {
							client.write(ByteBuffer
								.wrap(("message " + i + " to " + container.getId()).getBytes(StandardCharsets.UTF_8)),
									Duration.ofSeconds(10));
							accepted++;
						}
					}
					catch (RuntimeException ex) {
						System.out.println("write failed " + container.getId() + ": " + ex);
					}
					System.out.println("accepted " + container.getId() + " " + accepted);
				});
			}
			else if (command.equals("count")) {
				new TreeMap<>(listeners.received)
					.forEach((id, received) -> System.out.println("received " + id + " " + received));
				registry.getListenerContainers().forEach((container) -> {
					MailslotServer server = container.getServer();
					System.out.println("waiting " + container.getId() + " " + server.info().messageCount());
				});
				System.out.println("counted");
			}
		}
		context.close();
	}

	/**
	 * Fifty listeners, each counting what it receives.
	 */
	static class FiftyListeners {

		final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

		private void received(String id) {
			this.received.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
		}

		@MailslotListener(id = "l00", mailslot = "${many.first}")
		void l00(byte[] message) {
			received("l00");
		}

		@MailslotListener(id = "l01", mailslot = "many-01")
		void l01(byte[] message) {
			received("l01");
		}

		@MailslotListener(id = "l02", mailslot = "many-02")
		void l02(byte[] message) {
			received("l02");
		}

		@MailslotListener(id = "l03", mailslot = "many-03")
		void l03(byte[] message) {
			received("l03");
		}

		@MailslotListener(id = "l04", mailslot = "many-04")
		void l04(byte[] message) {
			received("l04");
		}

		@MailslotListener(id = "l05", mailslot = "many-05")
		void l05(byte[] message) {
			received("l05");
		}

		@MailslotListener(id = "l06", mailslot = "many-06")
		void l06(byte[] message) {
			received("l06");
		}

		@MailslotListener(id = "l07", mailslot = "many-07")
		void l07(byte[] message) {
			received("l07");
		}

		@MailslotListener(id = "l08", mailslot = "many-08")
		void l08(byte[] message) {
			received("l08");
		}

		@MailslotListener(id = "l09", mailslot = "many-09")
		void l09(byte[] message) {
			received("l09");
		}

		@MailslotListener(id = "l10", mailslot = "many-10")
		void l10(byte[] message) {
			received("l10");
		}

		@MailslotListener(id = "l11", mailslot = "many-11")
		void l11(byte[] message) {
			received("l11");
		}

		@MailslotListener(id = "l12", mailslot = "many-12")
		void l12(byte[] message) {
			received("l12");
		}

		@MailslotListener(id = "l13", mailslot = "many-13")
		void l13(byte[] message) {
			received("l13");
		}

		@MailslotListener(id = "l14", mailslot = "many-14")
		void l14(byte[] message) {
			received("l14");
		}

		@MailslotListener(id = "l15", mailslot = "many-15")
		void l15(byte[] message) {
			received("l15");
		}

		@MailslotListener(id = "l16", mailslot = "many-16")
		void l16(byte[] message) {
			received("l16");
		}

		@MailslotListener(id = "l17", mailslot = "many-17")
		void l17(byte[] message) {
			received("l17");
		}

		@MailslotListener(id = "l18", mailslot = "many-18")
		void l18(byte[] message) {
			received("l18");
		}

		@MailslotListener(id = "l19", mailslot = "many-19")
		void l19(byte[] message) {
			received("l19");
		}

		@MailslotListener(id = "l20", mailslot = "many-20")
		void l20(byte[] message) {
			received("l20");
		}

		@MailslotListener(id = "l21", mailslot = "many-21")
		void l21(byte[] message) {
			received("l21");
		}

		@MailslotListener(id = "l22", mailslot = "many-22")
		void l22(byte[] message) {
			received("l22");
		}

		@MailslotListener(id = "l23", mailslot = "many-23")
		void l23(byte[] message) {
			received("l23");
		}

		@MailslotListener(id = "l24", mailslot = "many-24")
		void l24(byte[] message) {
			received("l24");
		}

		@MailslotListener(id = "l25", mailslot = "many-25")
		void l25(byte[] message) {
			received("l25");
		}

		@MailslotListener(id = "l26", mailslot = "many-26")
		void l26(byte[] message) {
			received("l26");
		}

		@MailslotListener(id = "l27", mailslot = "many-27")
		void l27(byte[] message) {
			received("l27");
		}

		@MailslotListener(id = "l28", mailslot = "many-28")
		void l28(byte[] message) {
			received("l28");
		}

		@MailslotListener(id = "l29", mailslot = "many-29")
		void l29(byte[] message) {
			received("l29");
		}

		@MailslotListener(id = "l30", mailslot = "many-30")
		void l30(byte[] message) {
			received("l30");
		}

		@MailslotListener(id = "l31", mailslot = "many-31")
		void l31(byte[] message) {
			received("l31");
		}

		@MailslotListener(id = "l32", mailslot = "many-32")
		void l32(byte[] message) {
			received("l32");
		}

		@MailslotListener(id = "l33", mailslot = "many-33")
		void l33(byte[] message) {
			received("l33");
		}

		@MailslotListener(id = "l34", mailslot = "many-34")
		void l34(byte[] message) {
			received("l34");
		}

		@MailslotListener(id = "l35", mailslot = "many-35")
		void l35(byte[] message) {
			received("l35");
		}

		@MailslotListener(id = "l36", mailslot = "many-36")
		void l36(byte[] message) {
			received("l36");
		}

		@MailslotListener(id = "l37", mailslot = "many-37")
		void l37(byte[] message) {
			received("l37");
		}

		@MailslotListener(id = "l38", mailslot = "many-38")
		void l38(byte[] message) {
			received("l38");
		}

		@MailslotListener(id = "l39", mailslot = "many-39")
		void l39(byte[] message) {
			received("l39");
		}

		@MailslotListener(id = "l40", mailslot = "many-40")
		void l40(byte[] message) {
			received("l40");
		}

		@MailslotListener(id = "l41", mailslot = "many-41")
		void l41(byte[] message) {
			received("l41");
		}

		@MailslotListener(id = "l42", mailslot = "many-42")
		void l42(byte[] message) {
			received("l42");
		}

		@MailslotListener(id = "l43", mailslot = "many-43")
		void l43(byte[] message) {
			received("l43");
		}

		@MailslotListener(id = "l44", mailslot = "many-44")
		void l44(byte[] message) {
			received("l44");
		}

		@MailslotListener(id = "l45", mailslot = "many-45")
		void l45(byte[] message) {
			received("l45");
		}

		@MailslotListener(id = "l46", mailslot = "many-46")
		void l46(byte[] message) {
			received("l46");
		}

		@MailslotListener(id = "l47", mailslot = "many-47")
		void l47(byte[] message) {
			received("l47");
		}

		@MailslotListener(id = "l48", mailslot = "many-48")
		void l48(byte[] message) {
			received("l48");
		}

		@MailslotListener(id = "l49", mailslot = "many-49")
		void l49(byte[] message) {
			received("l49");
		}

	}

}
