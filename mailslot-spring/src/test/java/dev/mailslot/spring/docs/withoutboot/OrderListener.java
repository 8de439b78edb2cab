package dev.mailslot.spring.docs.withoutboot;

// tag::listener[]
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;

@Component
public class OrderListener {

	final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	@MailslotListener("orders")
	void onOrder(String order) {
		this.received.add(order);
	}

}
// end::listener[]
