package dev.mailslot.spring.boot.docs.listeners;

// tag::listener[]
import java.time.Instant;

import jakarta.validation.Valid;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.support.MailslotHeaders;

@Component
class OrderListener {

	@MailslotListener("orders")
	void onOrder(@Valid Order order, @Header(MailslotHeaders.RECEIVED_AT) Instant receivedAt) {
		// ...
	}

}
// end::listener[]
