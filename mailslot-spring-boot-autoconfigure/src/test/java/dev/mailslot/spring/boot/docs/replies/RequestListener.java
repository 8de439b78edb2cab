package dev.mailslot.spring.boot.docs.replies;

// tag::fixed[]
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

@Component
class RequestListener {

	@MailslotListener("requests")
	@SendTo("replies")                        // a configured server id, or a mailslot name
	String answer(String request) {
		return "re: " + request;
	}

}
// end::fixed[]
