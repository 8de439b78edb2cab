package dev.mailslot.spring.listener.adapter;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.messaging.Message;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;
import dev.mailslot.spring.core.MailslotTemplate;

/**
 * Writes a listener method's return value as a reply, with a {@link MailslotTemplate}, to
 * the mailslot its {@code @SendTo} names: a configured server id or a mailslot name, with
 * placeholders resolved when the listener was registered, or computed per message where
 * it holds {@code !{...}} expressions, evaluated against a {@link ReplyExpressionRoot}.
 * The value is converted as the template converts any payload.
 * <p>
 * A fixed target that can never be written (no mailslot name, a remote name without a
 * transport for it, a name too long for the transport) and an expression that does not
 * parse are refused when the sender is made, naming the method. A target computed per
 * message must stay within the {@link PerMessageReplyTargets}, and is written without
 * being cached.
 */
public final class MailslotReplySender {

	private static final ParserContext RUNTIME_EXPRESSION = new TemplateParserContext("!{", "}");

	private final MailslotTemplate template;

	private final String destination;

	private final @Nullable Expression destinationExpression;

	private final PerMessageReplyTargets perMessageTargets;

	private final StandardEvaluationContext evaluationContext = new StandardEvaluationContext();

	/**
	 * Create a reply sender that allows per-message targets on this host only.
	 * @param template the template that writes replies
	 * @param destination the target, which may hold {@code !{...}} expressions
	 * @param beanFactory the bean factory that {@code @beanName} in an expression refers
	 * to, if any
	 * @param method the listener method, for reports
	 * @throws IllegalStateException if the destination can never be written or does not
	 * parse
	 */
	public MailslotReplySender(MailslotTemplate template, String destination, @Nullable BeanFactory beanFactory,
			String method) {
		this(template, destination, beanFactory, PerMessageReplyTargets.localOnly(), method);
	}

	/**
	 * Create a reply sender.
	 * @param template the template that writes replies
	 * @param destination the target, which may hold {@code !{...}} expressions
	 * @param beanFactory the bean factory that {@code @beanName} in an expression refers
	 * to, if any
	 * @param perMessageTargets which mailslots a target computed per message may name
	 * @param method the listener method, for reports
	 * @throws IllegalStateException if the destination can never be written or does not
	 * parse
	 */
	public MailslotReplySender(MailslotTemplate template, String destination, @Nullable BeanFactory beanFactory,
			PerMessageReplyTargets perMessageTargets, String method) {
		this.template = template;
		this.destination = destination;
		this.perMessageTargets = perMessageTargets;
		this.destinationExpression = destination.contains("!{") ? parse(destination, method) : null;
		if (this.destinationExpression == null) {
			try {
				template.checkTarget(destination);
			}
			catch (InvalidMailslotNameException ex) {
				throw new IllegalStateException(method + " has @SendTo(\"" + destination
						+ "\"), which can never be written: " + ex.getMessage(), ex);
			}
		}
		if (beanFactory != null) {
			this.evaluationContext.setBeanResolver(new BeanFactoryResolver(beanFactory));
		}
	}

	private static Expression parse(String destination, String method) {
		try {
			return new SpelExpressionParser().parseExpression(destination, RUNTIME_EXPRESSION);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(method + " has @SendTo(\"" + destination + "\") whose !{...} expression "
					+ "does not parse: " + ex.getMessage() + "; write a SpEL expression between !{ and }", ex);
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
	 * @throws ReplyTargetRefusedException if the target the expression gives reaches
	 * further than the per-message targets allow
	 * @throws RuntimeException what converting or writing the reply throws
	 */
	public String send(Message<byte[]> request, Object result) {
		Expression expression = this.destinationExpression;
		if (expression == null) {
			this.template.send(this.destination, result);
			return this.destination;
		}
		String target = expression.getValue(this.evaluationContext, new ReplyExpressionRoot(request, result),
				String.class);
		if (target == null || target.isBlank()) {
			throw new IllegalStateException("@SendTo(\"" + this.destination + "\") gave no mailslot for a message of "
					+ request.getPayload().length + " bytes; the expression must give a server id or a mailslot name");
		}
		MailslotName mailslot = this.template.resolve(target);
		this.perMessageTargets.check(mailslot, this.destination);
		this.template.send(mailslot, result);
		return target;
	}

}
