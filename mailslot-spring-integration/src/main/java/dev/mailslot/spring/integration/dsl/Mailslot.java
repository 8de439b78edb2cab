package dev.mailslot.spring.integration.dsl;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter.ListenerMode;

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
		return messageDrivenChannelAdapter(containerFactory, mailslot, ListenerMode.RECORD);
	}

	/**
	 * Start a message-driven inbound channel adapter that sends each message read, or
	 * each batch.
	 * @param containerFactory the factory of the container that reads the mailslot (the
	 * auto-configuration's is the bean {@code mailslotListenerContainerFactory})
	 * @param mailslot a configured server id or a mailslot name that a server holds
	 * @param mode {@link ListenerMode#RECORD} for a message per message read,
	 * {@link ListenerMode#BATCH} for a message whose payload is a batch
	 * @return the spec
	 */
	public static MailslotMessageDrivenChannelAdapterSpec messageDrivenChannelAdapter(
			MailslotListenerContainerFactory containerFactory, String mailslot, ListenerMode mode) {
		return new MailslotMessageDrivenChannelAdapterSpec(containerFactory, mailslot, mode);
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
