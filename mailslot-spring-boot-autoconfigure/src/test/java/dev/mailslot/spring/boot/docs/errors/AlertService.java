package dev.mailslot.spring.boot.docs.errors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The alerts of the error handler example: the orders lost, with their causes.
 */
class AlertService {

	final List<String> lost = new CopyOnWriteArrayList<>();

	void orderLost(String order, Throwable cause) {
		this.lost.add(order + " lost: " + cause.getClass().getSimpleName());
	}

}
