package dev.mailslot.spring.integration.dsl;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotTemplate;

/**
 * Entry points of the Java DSL, in the style of Spring Integration's {@code Jms}.
 * <p>
 * For example: <pre class="code">
 * IntegrationFlow.from(Mailslot.messageDrivenChannelAdapter(containerFactory, "orders"))
 *     .transform(Transformers.objectToString())
 *     .handle(Mailslot.outboundAdapter(template).mailslot("audit"))
 *     .get();
 * </pre>
 */
public final class Mailslot {

	private Mailslot() {
	}

	/**
	 * Start a message-driven inbound channel adapter.
	 * @param containerFactory the factory of the container that reads the mailslot (the
	 * auto-configuration's is the bean {@code mailslotListenerContainerFactory})
	 * @param mailslot a configured server id or a mailslot name that a server holds
	 * @return the spec
	 */
	public static MailslotMessageDrivenChannelAdapterSpec messageDrivenChannelAdapter(
			MailslotListenerContainerFactory containerFactory, String mailslot) {
		return new MailslotMessageDrivenChannelAdapterSpec(containerFactory, mailslot);
	}

	/**
	 * Start an outbound channel adapter.
	 * @param template the template that writes the messages
	 * @return the spec, which needs {@code mailslot(...)} or
	 * {@code mailslotExpression(...)}
	 */
	public static MailslotOutboundChannelAdapterSpec outboundAdapter(MailslotTemplate template) {
		return new MailslotOutboundChannelAdapterSpec(template);
	}

}
