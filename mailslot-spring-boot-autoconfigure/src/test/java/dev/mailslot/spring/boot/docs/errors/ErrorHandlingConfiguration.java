package dev.mailslot.spring.boot.docs.errors;

// tag::error-handler[]
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.listener.MailslotErrorHandler;

@Configuration(proxyBeanMethods = false)
class ErrorHandlingConfiguration {

	@Bean
	MailslotErrorHandler ordersErrorHandler(AlertService alerts) {
		return (message, cause, attempts) -> alerts.orderLost(new String(message.getPayload(), StandardCharsets.UTF_8),
				cause);
	}

}

@Component
class OrderListener {

	@MailslotListener(mailslot = "orders", errorHandler = "ordersErrorHandler")
	void onOrder(Order order) {
		// ...
	}

}
// end::error-handler[]
