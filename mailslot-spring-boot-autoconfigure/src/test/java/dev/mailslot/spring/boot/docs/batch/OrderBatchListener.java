package dev.mailslot.spring.boot.docs.batch;

// tag::batch[]
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

@Component
class OrderBatchListener {

	private final OrderRepository repository;

	OrderBatchListener(OrderRepository repository) {
		this.repository = repository;
	}

	@MailslotListener(value = "orders", batch = "true")
	void onOrders(List<Order> orders) {
		this.repository.saveAll(orders);
	}

}
// end::batch[]
