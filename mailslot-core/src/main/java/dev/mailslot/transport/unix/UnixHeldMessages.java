package dev.mailslot.transport.unix;

import java.util.PriorityQueue;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The messages a unix server has read off its sockets, in the order of their stamps (and,
 * for equal stamps, of their arrival). Each change of their number is told at once, so
 * that a record of it counts every message held. Not thread-safe: the server uses it
 * under its lock.
 */
final class UnixHeldMessages {

	private final PriorityQueue<Held> messages = new PriorityQueue<>();

	private final IntConsumer countChanged;

	private long arrivals;

	UnixHeldMessages(IntConsumer countChanged) {
		this.countChanged = countChanged;
	}

	/**
	 * Hold a message that arrived whole.
	 */
	void add(byte[] message, long stamp, Object source) {
		this.messages.add(new Held(message, stamp, this.arrivals++, source));
		this.countChanged.accept(this.messages.size());
	}

	/**
	 * Return the message with the smallest stamp, without taking it.
	 */
	@Nullable Held peek() {
		return this.messages.peek();
	}

	/**
	 * Take the message with the smallest stamp.
	 */
	Held take() {
		Held first = this.messages.remove();
		this.countChanged.accept(this.messages.size());
		return first;
	}

	/**
	 * Return how many messages are held.
	 */
	int count() {
		return this.messages.size();
	}

	/**
	 * Take every message.
	 * @return the messages taken
	 */
	Held[] clear() {
		Held[] all = this.messages.toArray(new Held[0]);
		this.messages.clear();
		this.countChanged.accept(0);
		return all;
	}

	/**
	 * A message, its stamp, and the connection it came on.
	 *
	 * @param message the message's bytes
	 * @param stamp the writer's clock when it wrote the message
	 * @param arrival the order in which the server read it, which breaks ties between
	 * stamps
	 * @param source the connection it came on
	 */
	record Held(byte[] message, long stamp, long arrival, Object source) implements Comparable<Held> {

		@Override
		public int compareTo(Held other) {
			int byStamp = Long.compare(this.stamp, other.stamp);
			return (byStamp != 0) ? byStamp : Long.compare(this.arrival, other.arrival);
		}

	}

}
