package dev.mailslot.spring.boot.docs.testing;

import jakarta.validation.Valid;

import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

/**
 * The listener under test: it records the id of each order.
 */
@Component
class OrderListener {

	private final ReceivedOrders received;

	OrderListener(ReceivedOrders received) {
		this.received = received;
	}

	@MailslotListener("orders")
	void onOrder(@Valid Order order) {
		this.received.add(order.id());
	}

}
