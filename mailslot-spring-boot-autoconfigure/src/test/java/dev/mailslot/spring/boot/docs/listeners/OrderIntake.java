package dev.mailslot.spring.boot.docs.listeners;

// tag::registry[]
import org.springframework.stereotype.Service;

import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;

@Service
class OrderIntake {

	private final MailslotListenerEndpointRegistry registry;

	OrderIntake(MailslotListenerEndpointRegistry registry) {
		this.registry = registry;
	}

	void holdOrders() {
		this.registry.pause("orders");
	}

	void releaseOrders() {
		this.registry.resume("orders");
	}

}
// end::registry[]
