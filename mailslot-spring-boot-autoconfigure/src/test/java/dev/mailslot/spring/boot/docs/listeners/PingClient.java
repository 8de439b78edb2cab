package dev.mailslot.spring.boot.docs.listeners;

// tag::send-and-receive[]
import java.time.Duration;

import org.springframework.stereotype.Service;

import dev.mailslot.spring.core.MailslotTemplate;

@Service
class PingClient {

	private final MailslotTemplate template;

	PingClient(MailslotTemplate template) {
		this.template = template;
	}

	String ping() {
		return this.template.convertSendAndReceive("service",
				(replyTo) -> "PING " + replyTo, String.class, Duration.ofSeconds(2));   // null after 2 s
	}

}
// end::send-and-receive[]
