package dev.mailslot.spring.integration.dsl;

import java.time.Duration;

import org.springframework.integration.dsl.MessageProducerSpec;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter;
import dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter.ListenerMode;

/**
 * Configures a {@link MailslotMessageDrivenChannelAdapter}; made by
 * {@link Mailslot#messageDrivenChannelAdapter}.
 */
public class MailslotMessageDrivenChannelAdapterSpec
		extends MessageProducerSpec<MailslotMessageDrivenChannelAdapterSpec, MailslotMessageDrivenChannelAdapter> {

	MailslotMessageDrivenChannelAdapterSpec(MailslotListenerContainerFactory containerFactory, String mailslot,
			ListenerMode mode) {
		super(new MailslotMessageDrivenChannelAdapter(containerFactory, mailslot, mode));
	}

	/**
	 * Set the most messages in one batch, over the container factory's; for
	 * {@link ListenerMode#BATCH} only.
	 * @param maxBatchSize at least 1
	 * @return this spec
	 * @see MailslotMessageDrivenChannelAdapter#setMaxBatchSize(int)
	 */
	public MailslotMessageDrivenChannelAdapterSpec maxBatchSize(int maxBatchSize) {
		this.target.setMaxBatchSize(maxBatchSize);
		return this;
	}

	/**
	 * Set how long, after a batch's first message, the container waits for more, over the
	 * container factory's; for {@link ListenerMode#BATCH} only.
	 * @param maxBatchWait the wait
	 * @return this spec
	 * @see MailslotMessageDrivenChannelAdapter#setMaxBatchWait(Duration)
	 */
	public MailslotMessageDrivenChannelAdapterSpec maxBatchWait(Duration maxBatchWait) {
		this.target.setMaxBatchWait(maxBatchWait);
		return this;
	}

}
