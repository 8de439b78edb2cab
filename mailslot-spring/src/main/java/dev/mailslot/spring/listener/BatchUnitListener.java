package dev.mailslot.spring.listener;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.messaging.Message;

/**
 * A {@link MailslotBatchMessageListener} called with a batch at a time.
 */
final class BatchUnitListener implements UnitListener<List<Message<byte[]>>> {

	private final MailslotBatchMessageListener listener;

	BatchUnitListener(MailslotBatchMessageListener listener) {
		this.listener = listener;
	}

	MailslotBatchMessageListener listener() {
		return this.listener;
	}

	@Override
	public void onUnit(List<Message<byte[]>> batch) {
		this.listener.onMessages(batch);
	}

	@Override
	public int messageCount(List<Message<byte[]>> batch) {
		return batch.size();
	}

	@Override
	public int byteCount(List<Message<byte[]>> batch) {
		int bytes = 0;
		for (Message<byte[]> message : batch) {
			bytes += message.getPayload().length;
		}
		return bytes;
	}

	@Override
	public int handleFailure(MailslotFailureHandler failureHandler, List<Message<byte[]>> batch, Throwable failure,
			Consumer<List<Message<byte[]>>> retries) {
		return failureHandler.handleBatchFailure(batch, failure, retries::accept);
	}

	@Override
	public String describe(List<Message<byte[]>> batch) {
		return "a batch of " + batch.size() + " message(s)";
	}

}
