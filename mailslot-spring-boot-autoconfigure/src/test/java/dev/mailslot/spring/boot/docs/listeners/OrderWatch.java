package dev.mailslot.spring.boot.docs.listeners;

// tag::events[]
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.event.ContainerFailedEvent;
import dev.mailslot.spring.event.ListenerContainerIdleEvent;

@Component
class OrderWatch {

	@MailslotListener(mailslot = "orders", idleEventInterval = "${app.orders.idle:5m}")
	void onOrder(String order) {
		// ...
	}

	@EventListener
	void idle(ListenerContainerIdleEvent event) {
		// no order for event.getIdleTime() on event.getMailslot()
	}

	@EventListener
	void failed(ContainerFailedEvent event) {
		// event.getListenerId() stopped reading: event.getCause()
	}

}
// end::events[]
