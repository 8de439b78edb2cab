package dev.mailslot.spring.boot.docs.batch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ledger of the batch failure example, which refuses orders whose id starts with "bad".
 */
class Ledger {

	final List<String> posted = new CopyOnWriteArrayList<>();

	void post(Order order) throws LedgerException {
		if (order.id().startsWith("bad")) {
			throw new LedgerException("refused " + order.id());
		}
		this.posted.add(order.id());
	}

}
