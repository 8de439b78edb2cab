package dev.mailslot.spring.boot.docs.listeners;

// tag::validation[]
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

record Order(String id, @Positive int quantity) {
}

@Component
class ValidatedOrderListener {

	@MailslotListener("orders")
	void validated(@Valid @Payload Order order) {
		// a message whose quantity is not positive goes to the error handler, without retries
	}

}
// end::validation[]
