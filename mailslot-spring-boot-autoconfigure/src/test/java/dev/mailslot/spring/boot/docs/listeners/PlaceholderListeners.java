package dev.mailslot.spring.boot.docs.listeners;

// tag::placeholders[]
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

@Component
class PlaceholderListeners {

	@MailslotListener(id = "fromPlaceholder", mailslot = "\\\\.\\mailslot\\${app.slot}")
	void placeholder(String payload) {
	}

	@MailslotListener(id = "#{'from' + 'Expression'}", mailslot = "#{environment['app.prefix'] + '\\expression'}")
	void expression(String payload) {
	}

	@MailslotListener(mailslot = "${app.inbox:inbox}", concurrency = "${app.inbox.concurrency:1}")
	void withDefaults(String payload) {
	}

}
// end::placeholders[]
