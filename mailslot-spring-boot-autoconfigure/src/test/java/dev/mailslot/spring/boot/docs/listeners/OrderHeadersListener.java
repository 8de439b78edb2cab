package dev.mailslot.spring.boot.docs.listeners;

// tag::headers[]
import java.time.Instant;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.support.MailslotHeaders;

@Component
class OrderHeadersListener {

	@MailslotListener("orders")
	void onOrder(@Payload String payload, @Header(MailslotHeaders.MAILSLOT) String mailslot,
			@Header(MailslotHeaders.SIZE) int size, @Header(MailslotHeaders.RECEIVED_AT) Instant receivedAt,
			@Header(MailslotHeaders.SERVER_ID) String serverId) {
		// ...
	}

}
// end::headers[]
