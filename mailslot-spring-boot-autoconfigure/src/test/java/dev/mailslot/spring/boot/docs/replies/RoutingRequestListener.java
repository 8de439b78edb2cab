package dev.mailslot.spring.boot.docs.replies;

// tag::per-message[]
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

@Component
class RoutingRequestListener {

	@MailslotListener("requests")
	@SendTo("!{new String(request.payload).substring(0, new String(request.payload).indexOf(':'))}")
	String answer(String request) {   // "replies:hello" answers "hello" to the mailslot replies
		return request.substring(request.indexOf(':') + 1);
	}

}
// end::per-message[]
