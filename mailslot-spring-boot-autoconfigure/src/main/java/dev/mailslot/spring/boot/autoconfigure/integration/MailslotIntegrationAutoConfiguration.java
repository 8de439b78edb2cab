package dev.mailslot.spring.boot.autoconfigure.integration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Fails start-up, naming the fix, when {@code mailslot-spring-integration} is present and
 * the application declares {@code IntegrationFlow}s but lacks Spring Integration's
 * infrastructure ({@code spring-boot-starter-integration}, or
 * {@code @EnableIntegration}): nothing would start their adapters, and messages would
 * wait in the mailslot until the close deletes them.
 */
@AutoConfiguration
@ConditionalOnClass(name = { MailslotIntegrationInfrastructureCheck.INTEGRATION_FLOW,
		"dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter" })
public final class MailslotIntegrationAutoConfiguration {

	@Bean
	static MailslotIntegrationInfrastructureCheck mailslotIntegrationInfrastructureCheck() {
		return new MailslotIntegrationInfrastructureCheck();
	}

}
