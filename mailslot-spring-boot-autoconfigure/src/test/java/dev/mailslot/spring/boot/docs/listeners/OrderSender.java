package dev.mailslot.spring.boot.docs.listeners;

// tag::template[]
import org.springframework.stereotype.Service;

import dev.mailslot.spring.core.MailslotTemplate;

@Service
class OrderSender {

	private final MailslotTemplate template;

	OrderSender(MailslotTemplate template) {
		this.template = template;
	}

	void send(Order order) {
		this.template.send("orders", order);                      // a server id: JSON, one message
		this.template.send("\\\\.\\mailslot\\audit", "sent " + order.id());  // a name: UTF-8 text
	}

}
// end::template[]
