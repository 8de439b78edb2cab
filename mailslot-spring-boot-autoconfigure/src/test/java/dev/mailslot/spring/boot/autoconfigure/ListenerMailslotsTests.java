package dev.mailslot.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;
import org.springframework.mock.env.MockEnvironment;

import dev.mailslot.spring.annotation.MailslotListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ListenerMailslots}: the mailslots of listener methods, found from the
 * bean definitions before any bean exists.
 */
class ListenerMailslotsTests {

	@Test
	void findsTheMailslotsOfListenerMethodsWithPlaceholdersResolvedAndCreatesNoBean() {
		MockEnvironment environment = new MockEnvironment().withProperty("orders.mailslot", "orders");
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.setEnvironment(environment);
			context.register(ListenerConfiguration.class);
			context.registerBeanDefinition("direct", new RootBeanDefinition(DirectListeners.class));
			// Registered without refreshing: the definitions exist, no bean does.
			new ConfigurationClassPostProcessor().postProcessBeanDefinitionRegistry(context);
			assertThat(ListenerMailslots.find(context.getBeanFactory(), environment))
				.containsExactlyInAnyOrder("orders", "\\\\.\\mailslot\\audit", "${missing}", "invoices");
			assertThat(DirectListeners.created).isFalse();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		FactoryListeners factoryListeners() {
			return new FactoryListeners();
		}

	}

	static class FactoryListeners {

		@MailslotListener("${orders.mailslot}")
		void orders(String message) {
		}

		@MailslotListener(mailslot = "\\\\.\\mailslot\\audit")
		void audit(String message) {
		}

		@MailslotListener("${missing}")
		void missing(String message) {
		}

	}

	static class DirectListeners {

		static boolean created;

		DirectListeners() {
			created = true;
		}

		@MailslotListener("invoices")
		void invoices(String message) {
		}

		@MailslotListener("orders")
		void alsoOrders(String message) {
		}

	}

}
