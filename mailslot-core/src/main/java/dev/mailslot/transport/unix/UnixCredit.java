package dev.mailslot.transport.unix;

import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

import dev.mailslot.transport.posix.PosixHoldMemory;

/**
 * The credit a unix server gives its writers ({@link UnixWireFormat}), within what it may
 * hold: at most its hold capacity of messages, and of bytes at most the hold capacity of
 * largest messages, which it reserves in the memory posix and unix servers of the process
 * share ({@link PosixHoldMemory}) before giving them. What a server holds and what its
 * writers may still send together never pass these bounds, so that every message whose
 * write returned can be read off its socket at once.
 * <p>
 * Credit goes to writers that write: a writer that asks gets what its next message needs,
 * and twice what it got the last time, up to half of what is free (at most
 * {@value #MESSAGE_WINDOW} messages and {@value #BYTE_WINDOW} bytes), so that a writer
 * that goes on writing asks rarely and leaves some for the next; and as the reader takes
 * its messages, a writer that has used half of what it got is given more without asking.
 * Credit a writer got and did not use is taken back when its connection ends. Not
 * thread-safe: the server uses it under its lock.
 */
final class UnixCredit {

	/** Most bytes given at once, unless a message needs more. */
	static final long BYTE_WINDOW = 256 * 1024;

	/** Most messages given at once. */
	static final long MESSAGE_WINDOW = 65_536;

	private final long messageCapacity;

	private final long byteCapacity;

	private final LongConsumer unspentChanged;

	private long messagesTaken;

	private long bytesTaken;

	private long unspent;

	/**
	 * Create the credit of a server.
	 * @param holdCapacity the most messages it holds
	 * @param maxMessageSize its largest message
	 * @param unspentChanged told each change of how many messages writers were given and
	 * have not sent (as far as the server read), so that a record of it bounds what a
	 * kill loses in the sockets
	 */
	UnixCredit(int holdCapacity, int maxMessageSize, LongConsumer unspentChanged) {
		this.messageCapacity = Math.max(1, holdCapacity);
		this.byteCapacity = this.messageCapacity * UnixWireFormat.cost(maxMessageSize);
		this.unspentChanged = unspentChanged;
	}

	/**
	 * Give an account what its request asks, if the bounds leave it.
	 * @return the increment given (messages, bytes), or null if the request waits
	 */
	long @Nullable [] grant(Account account) {
		return give(account, true);
	}

	private long @Nullable [] give(Account account, boolean asked) {
		long freeMessages = this.messageCapacity - this.messagesTaken;
		long freeBytes = this.byteCapacity - this.bytesTaken;
		long neededMessages = asked ? Math.max(0, 1 - account.messages) : 0;
		long neededBytes = asked ? Math.max(0, UnixWireFormat.cost(Math.max(0, account.wanted)) - account.bytes) : 0;
		if (neededMessages > freeMessages || neededBytes > freeBytes) {
			return null;
		}
		long messages = Math.max(neededMessages,
				Math.min(Math.min(2 * account.lastMessages, freeMessages / 2), MESSAGE_WINDOW));
		long bytes = Math.max(neededBytes, Math.min(Math.min(2 * account.lastBytes, freeBytes / 2), BYTE_WINDOW));
		if (!asked && (messages == 0 || bytes == 0)) {
			return null;
		}
		if (!PosixHoldMemory.tryReserve(bytes)) {
			bytes = neededBytes;
			if (!PosixHoldMemory.tryReserve(bytes)) {
				return null;
			}
		}
		account.messages += messages;
		account.bytes += bytes;
		unspent(messages);
		account.lastMessages = Math.max(1, messages);
		account.lastBytes = bytes;
		account.wanted = -1;
		this.messagesTaken += messages;
		this.bytesTaken += bytes;
		return new long[] { messages, bytes };
	}

	/**
	 * Give an account that is using its credit more before it runs out, so that a writer
	 * that goes on writing seldom waits: once it has less than half of what it was last
	 * given, and only out of half of what is free, so that the last of it goes to writers
	 * that ask.
	 * @return the increment given (messages, bytes), or null if none
	 */
	long @Nullable [] topUp(Account account) {
		if (account.lastMessages == 0
				|| (2 * account.messages > account.lastMessages && 2 * account.bytes > account.lastBytes)) {
			return null;
		}
		return give(account, false);
	}

	/**
	 * Take what a message of a size costs from an account, if it covers it. The message
	 * counts as unspent credit until {@link #ended()}.
	 * @return whether it did
	 */
	boolean spend(Account account, int size) {
		return account.spend(size);
	}

	/**
	 * Record that a message paid for came in whole, or was dropped.
	 */
	void ended() {
		unspent(-1);
	}

	private void unspent(long change) {
		this.unspent += change;
		this.unspentChanged.accept(this.unspent);
	}

	/**
	 * Give back what a message that was read or dropped took.
	 */
	void release(int size) {
		long cost = UnixWireFormat.cost(size);
		this.messagesTaken--;
		this.bytesTaken -= cost;
		PosixHoldMemory.release(cost);
	}

	/**
	 * Give back what an account has not used: its connection ended.
	 */
	void close(Account account) {
		this.messagesTaken -= account.messages;
		this.bytesTaken -= account.bytes;
		PosixHoldMemory.release(account.bytes);
		unspent(-account.messages);
		account.messages = 0;
		account.bytes = 0;
		account.wanted = -1;
	}

	/**
	 * What one writer may still send, and what it asks for.
	 */
	static final class Account {

		private long messages;

		private long bytes;

		private long lastMessages;

		private long lastBytes;

		private int wanted = -1;

		private boolean spend(int size) {
			long cost = UnixWireFormat.cost(size);
			if (this.messages < 1 || this.bytes < cost) {
				return false;
			}
			this.messages--;
			this.bytes -= cost;
			return true;
		}

		/**
		 * Return whether the account covers a message, an empty one at least.
		 */
		boolean canSend() {
			return this.messages > 0 && this.bytes >= UnixWireFormat.MESSAGE_COST;
		}

		/**
		 * Record a request for a message of a size.
		 */
		void request(int size) {
			this.wanted = size;
		}

		/**
		 * Return whether a request waits for its answer.
		 */
		boolean waits() {
			return this.wanted >= 0;
		}

	}

}
