package dev.mailslot.spring.docs.withoutboot;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

// tag::listener[]
@Component
public class OrderListener {

	// end::listener[]
	final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	// tag::listener[]
	@MailslotListener("orders")
	void onOrder(String order) {
		// end::listener[]
		this.received.add(order);
		// tag::listener[]
	}

}
// end::listener[]
