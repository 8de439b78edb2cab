package dev.mailslot.spring.boot.docs.batch;

// tag::failed[]
import java.util.List;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.listener.BatchListenerFailedException;

@Component
class OrderPostingListener {

	private final Ledger ledger;

	OrderPostingListener(Ledger ledger) {
		this.ledger = ledger;
	}

	@MailslotListener(value = "orders", batch = "true")
	void onOrders(List<Message<Order>> orders) {
		for (int i = 0; i < orders.size(); i++) {
			try {
				this.ledger.post(orders.get(i).getPayload());
			}
			catch (LedgerException ex) {
				throw new BatchListenerFailedException("order " + i + " was not posted", ex, i);
			}
		}
	}

}
// end::failed[]
