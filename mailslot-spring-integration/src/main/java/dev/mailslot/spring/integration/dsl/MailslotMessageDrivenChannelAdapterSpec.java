package dev.mailslot.spring.integration.dsl;

import org.springframework.integration.dsl.MessageProducerSpec;

import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.integration.inbound.MailslotMessageDrivenChannelAdapter;

/**
 * Configures a {@link MailslotMessageDrivenChannelAdapter}; made by
 * {@link Mailslot#messageDrivenChannelAdapter}.
 */
public class MailslotMessageDrivenChannelAdapterSpec
		extends MessageProducerSpec<MailslotMessageDrivenChannelAdapterSpec, MailslotMessageDrivenChannelAdapter> {

	MailslotMessageDrivenChannelAdapterSpec(MailslotListenerContainerFactory containerFactory, String mailslot) {
		super(new MailslotMessageDrivenChannelAdapter(containerFactory, mailslot));
	}

}
