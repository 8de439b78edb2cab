package dev.mailslot.spring.boot.docs.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * The ids of the orders the application received, in order.
 */
@Component
class ReceivedOrders {

	private final List<String> ids = new CopyOnWriteArrayList<>();

	void add(String id) {
		this.ids.add(id);
	}

	List<String> ids() {
		return List.copyOf(this.ids);
	}

}
