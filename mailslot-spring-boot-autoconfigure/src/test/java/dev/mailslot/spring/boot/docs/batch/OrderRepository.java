package dev.mailslot.spring.boot.docs.batch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The store of the batch example: what it saved, call by call.
 */
class OrderRepository {

	final List<List<Order>> calls = new CopyOnWriteArrayList<>();

	void saveAll(List<Order> orders) {
		this.calls.add(List.copyOf(orders));
	}

}
