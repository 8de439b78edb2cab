package dev.mailslot.spring.boot.docs.errors.deadletter;

import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

/**
 * The listener of the dead-letter example of {@code docs/error-handling.md}, whose order service
 * is down.
 */
@Component
class OrderListener {

	@MailslotListener("orders")
	void onOrder(String order) {
		throw new IllegalStateException("Order service is down");
	}

}
