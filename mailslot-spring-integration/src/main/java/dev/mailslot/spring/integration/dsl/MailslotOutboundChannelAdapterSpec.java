package dev.mailslot.spring.integration.dsl;

import java.util.function.Function;

import org.springframework.integration.dsl.MessageHandlerSpec;
import org.springframework.integration.expression.FunctionExpression;
import org.springframework.messaging.Message;

import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.integration.outbound.MailslotSendingMessageHandler;

/**
 * Configures a {@link MailslotSendingMessageHandler}; made by
 * {@link Mailslot#outboundAdapter}.
 */
public class MailslotOutboundChannelAdapterSpec
		extends MessageHandlerSpec<MailslotOutboundChannelAdapterSpec, MailslotSendingMessageHandler> {

	MailslotOutboundChannelAdapterSpec(MailslotTemplate template) {
		this.target = new MailslotSendingMessageHandler(template);
	}

	/**
	 * Write every message to one mailslot.
	 * @param mailslot a configured server id or a mailslot name
	 * @return this spec
	 */
	public MailslotOutboundChannelAdapterSpec mailslot(String mailslot) {
		this.target.setMailslot(mailslot);
		return this;
	}

	/**
	 * Write each message to the mailslot a SpEL expression on the message names.
	 * @param expression the expression, for example {@code headers['reply_mailslot']}
	 * @return this spec
	 */
	public MailslotOutboundChannelAdapterSpec mailslotExpression(String expression) {
		this.target.setMailslotExpression(PARSER.parseExpression(expression));
		return this;
	}

	/**
	 * Write each message to the mailslot a function of the message names.
	 * @param function the function
	 * @return this spec
	 */
	public MailslotOutboundChannelAdapterSpec mailslotFunction(Function<Message<?>, String> function) {
		this.target.setMailslotExpression(new FunctionExpression<>(function));
		return this;
	}

}
