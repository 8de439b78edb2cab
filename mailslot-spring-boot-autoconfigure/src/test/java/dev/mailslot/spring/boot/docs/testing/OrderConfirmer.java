package dev.mailslot.spring.boot.docs.testing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dev.mailslot.spring.core.MailslotTemplate;

/**
 * The sender under test: it confirms each order, as JSON, to the confirmations mailslot.
 */
@Service
class OrderConfirmer {

	private final MailslotTemplate template;

	private final String confirmations;

	OrderConfirmer(MailslotTemplate template, @Value("${app.confirmations:confirmations}") String confirmations) {
		this.template = template;
		this.confirmations = confirmations;
	}

	void confirm(Order order) {
		this.template.send(this.confirmations, order);
	}

}
