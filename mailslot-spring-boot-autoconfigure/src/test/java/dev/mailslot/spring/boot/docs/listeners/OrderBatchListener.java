package dev.mailslot.spring.boot.docs.listeners;

// tag::attributes[]
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

@Component
class OrderBatchListener {

	@MailslotListener(mailslot = "orders", batch = "true", batchMaxSize = "20", batchMaxWait = "200ms",
			shutdownTimeout = "${app.orders.shutdown:30s}", maxRetries = "5", retryDelay = "100ms")
	void onOrders(List<Order> orders) {
		// ...
	}

}
// end::attributes[]
