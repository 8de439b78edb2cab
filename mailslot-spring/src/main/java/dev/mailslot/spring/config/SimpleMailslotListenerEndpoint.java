package dev.mailslot.spring.config;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.Assert;

import dev.mailslot.spring.listener.MailslotBatchMessageListener;
import dev.mailslot.spring.listener.MailslotMessageListener;

/**
 * A listener endpoint with a {@link MailslotMessageListener}, or a
 * {@link MailslotBatchMessageListener} ({@link #forBatches}), of its own, which gets each
 * message as it was read: payload {@code byte[]} and the headers of
 * {@link dev.mailslot.spring.support.MailslotHeaders}.
 */
public class SimpleMailslotListenerEndpoint extends AbstractMailslotListenerEndpoint {

	private final @Nullable MailslotMessageListener messageListener;

	private final @Nullable MailslotBatchMessageListener batchMessageListener;

	/**
	 * Create an endpoint whose listener takes single messages, whatever its factory's
	 * default.
	 * @param messageListener the listener
	 */
	public SimpleMailslotListenerEndpoint(MailslotMessageListener messageListener) {
		this.messageListener = messageListener;
		this.batchMessageListener = null;
		setBatchListener(false);
	}

	private SimpleMailslotListenerEndpoint(MailslotBatchMessageListener batchMessageListener) {
		this.messageListener = null;
		this.batchMessageListener = batchMessageListener;
		setBatchListener(true);
	}

	/**
	 * Create an endpoint whose listener takes batches.
	 * @param batchMessageListener the batch listener
	 * @return the endpoint
	 */
	public static SimpleMailslotListenerEndpoint forBatches(MailslotBatchMessageListener batchMessageListener) {
		return new SimpleMailslotListenerEndpoint(batchMessageListener);
	}

	public @Nullable MailslotMessageListener getMessageListener() {
		return this.messageListener;
	}

	public @Nullable MailslotBatchMessageListener getBatchMessageListener() {
		return this.batchMessageListener;
	}

	@Override
	protected String defaultDescription() {
		Object listener = (this.messageListener != null) ? this.messageListener : this.batchMessageListener;
		Assert.state(listener != null, "Each constructor sets one of the two listeners");
		return "listener '" + getId() + "' (" + listener.getClass().getName() + ")";
	}

	@Override
	public MailslotMessageListener createMessageListener(MessageHandlerMethodFactory messageHandlerMethodFactory) {
		MailslotMessageListener listener = this.messageListener;
		if (listener == null) {
			throw new IllegalStateException(describe() + " takes batches; keep it a batch listener");
		}
		return listener;
	}

	@Override
	public MailslotBatchMessageListener createBatchMessageListener(
			MessageHandlerMethodFactory messageHandlerMethodFactory) {
		MailslotBatchMessageListener listener = this.batchMessageListener;
		if (listener == null) {
			throw new IllegalStateException(
					describe() + " takes single messages; create it with forBatches " + "to give it batches");
		}
		return listener;
	}

}
