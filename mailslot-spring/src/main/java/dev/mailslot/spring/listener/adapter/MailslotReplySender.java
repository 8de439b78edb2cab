package dev.mailslot.spring.listener.adapter;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.Expression;
import org.springframework.expression.ParserContext;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.messaging.Message;

import dev.mailslot.spring.core.MailslotTemplate;

/**
 * Writes a listener method's return value as a reply, with a {@link MailslotTemplate}, to the
 * mailslot its {@code @SendTo} names: a configured server id or a mailslot name, with placeholders
 * resolved when the listener was registered, or computed per message where it holds {@code !{...}}
 * expressions, evaluated against a {@link ReplyExpressionRoot}. The value is converted as the
 * template converts any payload.
 */
public final class MailslotReplySender {

	private static final ParserContext RUNTIME_EXPRESSION = new TemplateParserContext("!{", "}");

	private final MailslotTemplate template;

	private final String destination;

	private final @Nullable Expression destinationExpression;

	private final StandardEvaluationContext evaluationContext = new StandardEvaluationContext();

	/**
	 * Create a reply sender.
	 * @param template the template that writes replies
	 * @param destination the target, which may hold {@code !{...}} expressions
	 * @param beanFactory the bean factory that {@code @beanName} in an expression refers to, if any
	 */
	public MailslotReplySender(MailslotTemplate template, String destination, @Nullable BeanFactory beanFactory) {
		this.template = template;
		this.destination = destination;
		this.destinationExpression = destination.contains("!{")
				? new SpelExpressionParser().parseExpression(destination, RUNTIME_EXPRESSION) : null;
		if (beanFactory != null) {
			this.evaluationContext.setBeanResolver(new BeanFactoryResolver(beanFactory));
		}
	}

	/**
	 * Return the target as given to {@code @SendTo}, expressions unevaluated.
	 * @return the destination
	 */
	public String getDestination() {
		return this.destination;
	}

	/**
	 * Write a reply to a message.
	 * @param request the message the listener received
	 * @param result what the listener returned
	 * @return the target the reply was written to
	 * @throws IllegalStateException if the destination's expression gives no target
	 * @throws RuntimeException what converting or writing the reply throws
	 */
	public String send(Message<byte[]> request, Object result) {
		String target = target(request, result);
		this.template.send(target, result);
		return target;
	}

	private String target(Message<byte[]> request, Object result) {
		if (this.destinationExpression == null) {
			return this.destination;
		}
		String target = this.destinationExpression.getValue(this.evaluationContext,
				new ReplyExpressionRoot(request, result), String.class);
		if (target == null || target.isBlank()) {
			throw new IllegalStateException("@SendTo(\"" + this.destination + "\") gave no mailslot for a message of "
					+ request.getPayload().length + " bytes; the expression must give a server id or a mailslot name");
		}
		return target;
	}

}
