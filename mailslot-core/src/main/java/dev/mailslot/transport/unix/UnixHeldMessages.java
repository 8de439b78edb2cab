package dev.mailslot.transport.unix;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import dev.mailslot.transport.posix.PosixHoldMemory;

/**
 * The messages a unix server holds, in the order it granted them: each takes its place,
 * and its room, when the server lets its writer send it, and is read once its bytes are
 * in. At most the hold capacity of places, within the memory posix and unix servers of
 * the process share ({@link PosixHoldMemory}). Each change of the number of places is
 * told at once, before a grant goes out, so that a record of it never counts fewer
 * messages than writers were told were sent. Not thread-safe: the server uses it under
 * its lock.
 */
final class UnixHeldMessages {

	private final ArrayDeque<Place> places = new ArrayDeque<>();

	private final int capacity;

	private final IntConsumer placesChanged;

	private int count;

	UnixHeldMessages(int capacity, IntConsumer placesChanged) {
		this.capacity = capacity;
		this.placesChanged = placesChanged;
	}

	/**
	 * Take a place, and room, for a message of a size, if the hold has them.
	 * @return the place, or null if the hold is full
	 */
	@Nullable Place place(int size) {
		if (this.places.size() >= this.capacity || !PosixHoldMemory.tryReserve(PosixHoldMemory.cost(size))) {
			return null;
		}
		Place place = new Place(size);
		this.places.addLast(place);
		this.placesChanged.accept(this.places.size());
		return place;
	}

	/**
	 * Put a message's bytes in its place, where reads find it.
	 */
	void fill(Place place, byte[] message) {
		place.message = message;
		this.count++;
	}

	/**
	 * Give up the place of a message that will not come, and its room.
	 */
	void drop(Place place) {
		if (this.places.remove(place)) {
			PosixHoldMemory.release(PosixHoldMemory.cost(place.size));
			if (place.message != null) {
				this.count--;
			}
			this.placesChanged.accept(this.places.size());
		}
	}

	/**
	 * Return whether the first place holds its message: then it is the next, whatever
	 * comes.
	 */
	boolean firstIsFilled() {
		Place first = this.places.peekFirst();
		return first != null && first.message != null;
	}

	/**
	 * Return the first message that is in, without taking it.
	 */
	byte @Nullable [] peek() {
		for (Place place : this.places) {
			if (place.message != null) {
				return place.message;
			}
		}
		return null;
	}

	/**
	 * Take the first message that is in.
	 */
	byte @Nullable [] take() {
		for (Iterator<Place> iterator = this.places.iterator(); iterator.hasNext();) {
			Place place = iterator.next();
			if (place.message != null) {
				iterator.remove();
				this.count--;
				PosixHoldMemory.release(PosixHoldMemory.cost(place.size));
				this.placesChanged.accept(this.places.size());
				return place.message;
			}
		}
		return null;
	}

	/**
	 * Return how many messages are in.
	 */
	int count() {
		return this.count;
	}

	/**
	 * Delete every message and place, giving back their room.
	 * @return how many messages were in
	 */
	int clear() {
		int deleted = this.count;
		for (Place place : this.places) {
			PosixHoldMemory.release(PosixHoldMemory.cost(place.size));
		}
		this.places.clear();
		this.count = 0;
		this.placesChanged.accept(0);
		return deleted;
	}

	/**
	 * The place of one message.
	 */
	static final class Place {

		private final int size;

		private byte @Nullable [] message;

		Place(int size) {
			this.size = size;
		}

	}

}
