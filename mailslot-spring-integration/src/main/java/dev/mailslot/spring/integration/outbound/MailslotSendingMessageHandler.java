package dev.mailslot.spring.integration.outbound;

import org.jspecify.annotations.Nullable;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.integration.expression.ExpressionUtils;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.util.Assert;

import dev.mailslot.spring.core.MailslotTemplate;

/**
 * An outbound channel adapter: writes each message's payload as one mailslot message with
 * a {@link MailslotTemplate}, converted as the template converts any payload. The target
 * is fixed ({@link #setMailslot}) or computed from each message by an expression
 * ({@link #setMailslotExpression}, for example {@code headers['reply_mailslot']}); either
 * names a configured server id or a mailslot name. A write that fails throws, so the
 * flow's error handling sees it.
 */
public class MailslotSendingMessageHandler extends AbstractMessageHandler {

	private final MailslotTemplate template;

	private @Nullable String mailslot;

	private @Nullable Expression mailslotExpression;

	private @Nullable EvaluationContext evaluationContext;

	/**
	 * Create a handler.
	 * @param template the template that writes the messages
	 */
	public MailslotSendingMessageHandler(MailslotTemplate template) {
		this.template = template;
	}

	/**
	 * Write every message to one mailslot.
	 * @param mailslot a configured server id or a mailslot name
	 */
	public void setMailslot(String mailslot) {
		Assert.hasText(mailslot, "A mailslot (a server id or a mailslot name) is required");
		this.mailslot = mailslot;
		this.mailslotExpression = null;
	}

	/**
	 * Write each message to the mailslot an expression on the message names.
	 * @param mailslotExpression the expression, evaluated with the message as its root
	 */
	public void setMailslotExpression(Expression mailslotExpression) {
		this.mailslotExpression = mailslotExpression;
		this.mailslot = null;
	}

	@Override
	public String getComponentType() {
		return "mailslot:outbound-channel-adapter";
	}

	@Override
	protected void onInit() {
		super.onInit();
		Assert.state(this.mailslot != null || this.mailslotExpression != null,
				"A mailslot or a mailslot expression is required: setMailslot or setMailslotExpression");
		if (this.mailslotExpression != null) {
			this.evaluationContext = ExpressionUtils.createStandardEvaluationContext(getBeanFactory());
		}
	}

	@Override
	protected void handleMessageInternal(Message<?> message) {
		this.template.send(target(message), message.getPayload());
	}

	private String target(Message<?> message) {
		if (this.mailslot != null) {
			return this.mailslot;
		}
		Expression expression = this.mailslotExpression;
		Assert.state(expression != null && this.evaluationContext != null, "The handler is not initialized");
		String target = expression.getValue(this.evaluationContext, message, String.class);
		if (target == null || target.isBlank()) {
			throw new MessageHandlingException(message, "Mailslot expression '" + expression.getExpressionString()
					+ "' gave no mailslot for this message; it must give a server id or a mailslot name");
		}
		return target;
	}

}
