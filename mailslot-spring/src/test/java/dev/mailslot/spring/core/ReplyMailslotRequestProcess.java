package dev.mailslot.spring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.messaging.Message;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

/**
 * A second JVM for {@link MailslotTemplateReplyMailslotBudgetTests}: on the posix
 * transport it creates the server {@code service} (the mailslot named by its argument,
 * with a default queue), then makes one request nobody answers through
 * {@link MailslotTemplate#sendAndReceive}, and prints {@code no reply}, or the class and
 * message of what the request threw.
 */
public final class ReplyMailslotRequestProcess {

	private ReplyMailslotRequestProcess() {
	}

	public static void main(String[] args) {
		MailslotTransport transport = MailslotTransports.get("posix");
		MailslotName service = MailslotName.parse(args[0]);
		MailslotServers servers = new MailslotServers(transport,
				Map.of("service", MailslotServerOptions.builder(service).build()),
				(name) -> MailslotServerOptions.builder(name).build(), Duration.ZERO, "test.servers");
		MailslotTemplate template = new MailslotTemplate(transport, servers,
				MailslotMessageConverters.create(StandardCharsets.UTF_8, null));
		try {
			Message<byte[]> reply = template.sendAndReceive("service", (replyTo) -> "ping " + replyTo,
					Duration.ofMillis(200));
			System.out.println((reply != null) ? "reply" : "no reply");
		}
		catch (RuntimeException ex) {
			System.out.println(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finally {
			template.destroy();
			servers.destroy();
		}
	}

}
