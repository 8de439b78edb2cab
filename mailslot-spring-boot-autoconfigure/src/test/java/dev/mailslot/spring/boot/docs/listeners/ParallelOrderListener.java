package dev.mailslot.spring.boot.docs.listeners;

// tag::concurrency[]
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

@Component
class ParallelOrderListener {

	@MailslotListener(mailslot = "orders", concurrency = "4")
	void parallel(String payload) {
		// up to four calls at once
	}

}
// end::concurrency[]
