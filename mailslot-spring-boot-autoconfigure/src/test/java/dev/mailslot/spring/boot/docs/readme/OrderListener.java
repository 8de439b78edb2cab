package dev.mailslot.spring.boot.docs.readme;

// tag::first-listener[]
import java.time.Instant;

import jakarta.validation.Valid;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;

@Component
class OrderListener {

	@MailslotListener("orders")                  // a server id, or a mailslot name
	void onOrder(@Valid Order order, @Header(MailslotHeaders.RECEIVED_AT) Instant receivedAt) {
		// Order is read from JSON (Jackson 3); String, byte[], ByteBuffer and Message<?> work too
	}

}

@Service
class OrderSender {

	private final MailslotTemplate template;

	OrderSender(MailslotTemplate template) {
		this.template = template;
	}

	void send(Order order) {
		this.template.send("orders", order);     // JSON, one message
	}

}
// end::first-listener[]
