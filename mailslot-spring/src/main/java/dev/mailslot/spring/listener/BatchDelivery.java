package dev.mailslot.spring.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.springframework.messaging.Message;

import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

/**
 * Gives the listener batches: after a batch's first message, the messages that are
 * waiting or arrive within the {@link MailslotListenerContainerOptions#maxBatchWait()
 * longest wait}, up to the {@link MailslotListenerContainerOptions#maxBatchSize() largest
 * batch}. A pause or stop ends the wait, and a read that fails after the first message
 * ends the batch, so that what was read is delivered; the failure comes again at the next
 * read.
 */
final class BatchDelivery implements ListenerDelivery<List<Message<byte[]>>> {

	private final MailslotMessageSource source;

	private final MailslotListenerInvoker<List<Message<byte[]>>> invoker;

	private final int maxSize;

	private final long maxWaitNanos;

	private final long pollTimeoutNanos;

	BatchDelivery(MailslotMessageSource source, MailslotListenerInvoker<List<Message<byte[]>>> invoker,
			MailslotListenerContainerOptions options) {
		this.source = source;
		this.invoker = invoker;
		this.maxSize = options.maxBatchSize();
		this.maxWaitNanos = options.maxBatchWait().toNanos();
		this.pollTimeoutNanos = options.pollTimeout().toNanos();
	}

	@Override
	public List<Message<byte[]>> read(ReadTimeout timeout, BooleanSupplier interrupted) {
		Message<byte[]> first = this.source.read(timeout);
		List<Message<byte[]>> batch = new ArrayList<>(Math.min(this.maxSize, 16));
		batch.add(first);
		long deadline = System.nanoTime() + this.maxWaitNanos;
		while (batch.size() < this.maxSize) {
			long left = deadline - System.nanoTime();
			try {
				batch.add(this.source.read(timeoutFor(left)));
			}
			catch (MailslotTimeoutException ex) {
				if (left <= 0 || deadline - System.nanoTime() <= 0 || interrupted.getAsBoolean()) {
					return batch;
				}
			}
			catch (RuntimeException ex) {
				return batch;
			}
		}
		return batch;
	}

	/**
	 * Wait what is left of the batch's wait, at most a poll timeout at a time, in whole
	 * milliseconds rounded up, as a read can wait.
	 */
	private ReadTimeout timeoutFor(long leftNanos) {
		if (leftNanos <= 0) {
			return ReadTimeout.ZERO;
		}
		long nanos = Math.min(leftNanos, this.pollTimeoutNanos);
		return ReadTimeout.ofMillis(TimeUnit.NANOSECONDS.toMillis(nanos + TimeUnit.MILLISECONDS.toNanos(1) - 1));
	}

	/**
	 * Read a batch of what is waiting, up to the largest batch; a read that fails after
	 * the first message ends the batch, as in {@link #read}.
	 */
	@Override
	public List<Message<byte[]>> readWaiting() {
		List<Message<byte[]>> batch = new ArrayList<>(Math.min(this.maxSize, 16));
		batch.add(this.source.read(ReadTimeout.ZERO));
		while (batch.size() < this.maxSize) {
			try {
				batch.add(this.source.read(ReadTimeout.ZERO));
			}
			catch (RuntimeException ex) {
				return batch;
			}
		}
		return batch;
	}

	@Override
	public void deliver(List<Message<byte[]>> batch) {
		this.invoker.invoke(batch);
	}

	@Override
	public List<Message<byte[]>> messagesOf(List<List<Message<byte[]>>> batches) {
		List<Message<byte[]>> messages = new ArrayList<>();
		batches.forEach(messages::addAll);
		return messages;
	}

}
