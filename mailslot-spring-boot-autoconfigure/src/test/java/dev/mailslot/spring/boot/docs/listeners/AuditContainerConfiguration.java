package dev.mailslot.spring.boot.docs.listeners;

// tag::container[]
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.listener.DeadLetterDirectoryErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;

@Configuration(proxyBeanMethods = false)
class AuditContainerConfiguration {

	@Bean
	MailslotListenerContainer auditContainer(MailslotServer auditServer, AuditLog audit) {
		return new MailslotListenerContainer("audit", auditServer, null,
				(message) -> audit.record(message.getPayload()),
				MailslotListenerContainerOptions.builder()
					.concurrency(4)
					.shutdownTimeout(Duration.ofSeconds(30))
					.errorHandler(new DeadLetterDirectoryErrorHandler(Path.of("audit-dead-letters")))
					.build());
	}

}
// end::container[]
