package dev.mailslot.spring.integration.outbound;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The outbound adapter on its own, on the memory transport: the payload converted as the
 * template converts it, and a clear error when no target is configured or an expression
 * gives none.
 */
class MailslotSendingMessageHandlerTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	private final MailslotTemplate template = new MailslotTemplate(this.transport, null,
			MailslotMessageConverters.create(StandardCharsets.UTF_8, null));

	/**
	 * Spring Integration's infrastructure, which its handlers look up in their bean
	 * factory.
	 */
	private final AnnotationConfigApplicationContext integration = new AnnotationConfigApplicationContext(
			Integration.class);

	@Test
	void aFixedMailslotReceivesEachPayload() {
		try (MailslotServer server = this.transport
			.createServer(MailslotServerOptions.builder("si-handler-" + System.nanoTime()).build())) {
			MailslotSendingMessageHandler handler = handler();
			handler.setMailslot(server.name().toString());
			handler.afterPropertiesSet();
			handler.handleMessage(MessageBuilder.withPayload("text").build());
			assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("text");
		}
	}

	@Test
	void withoutATargetItRefusesToStart() {
		MailslotSendingMessageHandler handler = handler();
		assertThatIllegalStateException().isThrownBy(handler::afterPropertiesSet)
			.withMessageContaining("A mailslot or a mailslot expression is required");
	}

	@Test
	void anExpressionThatGivesNoMailslotFailsTheMessage() {
		MailslotSendingMessageHandler handler = handler();
		handler.setMailslotExpression(new SpelExpressionParser().parseExpression("headers['missing']"));
		handler.afterPropertiesSet();
		assertThatExceptionOfType(MessageHandlingException.class)
			.isThrownBy(() -> handler.handleMessage(MessageBuilder.withPayload("lost").build()))
			.withMessageContaining("Mailslot expression 'headers['missing']' gave no mailslot");
	}

	private MailslotSendingMessageHandler handler() {
		MailslotSendingMessageHandler handler = new MailslotSendingMessageHandler(this.template);
		handler.setBeanFactory(this.integration.getBeanFactory());
		return handler;
	}

	@AfterEach
	void closeIntegration() {
		this.integration.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableIntegration
	static class Integration {

	}

}
