package dev.mailslot.spring.integration.docs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;

import dev.mailslot.MailslotTransport;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows of {@code docs/integration.md}, from one configured mailslot to another, one message
 * at a time and in batches, in a Boot application with Spring Integration's infrastructure, on an
 * isolated memory transport.
 */
class IntegrationExamplesTests {

	@Test
	void theFlowWritesWhatComesToOrdersToAuditAsText() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withBean(MailslotTransport.class, () -> MemoryMailslotTransport.isolated("memory"))
			.withUserConfiguration(IntegrationInfrastructure.class, OrdersFlowConfiguration.class)
			.withPropertyValues("mailslot.servers.orders.name=orders", "mailslot.servers.audit.name=audit",
					"mailslot.listener.poll-timeout=100ms")
			.run((context) -> {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("orders", "order A-1");
				template.send("orders", "order A-2");
				assertThat(template.receiveAndConvert("audit", String.class, Duration.ofSeconds(10))).isEqualTo("order A-1");
				assertThat(template.receiveAndConvert("audit", String.class, Duration.ofSeconds(10))).isEqualTo("order A-2");
			});
	}

	@Test
	void theBatchFlowWritesEachBatchToAuditAsLinesInOrder() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.withBean(MailslotTransport.class, () -> MemoryMailslotTransport.isolated("memory"))
			.withUserConfiguration(IntegrationInfrastructure.class, OrderBatchesFlowConfiguration.class)
			.withPropertyValues("mailslot.servers.orders.name=orders", "mailslot.servers.audit.name=audit",
					"mailslot.listener.poll-timeout=100ms")
			.run((context) -> {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				List<String> orders = List.of("order A-1", "order A-2", "order A-3");
				orders.forEach((order) -> template.send("orders", order));
				List<String> lines = new ArrayList<>();
				while (lines.size() < orders.size()) {
					String batch = template.receiveAndConvert("audit", String.class, Duration.ofSeconds(10));
					assertThat(batch).isNotNull();
					lines.addAll(batch.lines().toList());
				}
				assertThat(lines).containsExactlyElementsOf(orders);
			});
	}

	/** What spring-boot-starter-integration turns on, as the page asks. */
	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class IntegrationInfrastructure {

	}

}
