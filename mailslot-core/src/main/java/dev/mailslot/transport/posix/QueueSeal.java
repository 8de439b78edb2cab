package dev.mailslot.transport.posix;

/**
 * Seals a queue that is about to be unlinked: fills it to capacity with empty messages,
 * so that a client still holding it finds it full on its next write, checks the queue's
 * link count and fails, rather than every client checking before every write.
 */
final class QueueSeal {

	private QueueSeal() {
	}

	/**
	 * Fill a queue through a descriptor open for writing, without waiting. Call while the
	 * queue is still linked.
	 * @param mqd the descriptor, open for writing
	 * @return how many empty messages it sent
	 */
	static int seal(int mqd) {
		int sent = 0;
		try (NativeMemory empty = LibC.allocate(1); NativeMemory past = LibC.allocate(LibC.TIMESPEC_SIZE)) {
			past.clear();
			while (true) {
				if (LibC.mq_timedsend(mqd, empty, 0, 0, past) == 0) {
					sent++;
				}
				else if (LibC.errno() != LibC.EINTR) {
					// The queue is full (EAGAIN, or ETIMEDOUT for a blocking descriptor)
					// or refuses.
					return sent;
				}
			}
		}
	}

	/**
	 * Fill the queue that holds a name, if it is the queue expected: a queue another
	 * process created under the name meanwhile is left alone. Does nothing if the queue
	 * cannot be opened for writing.
	 * @param queueName the queue's name
	 * @param expected the status of the queue to seal
	 */
	static void seal(String queueName, FileStatus expected) {
		int mqd = LibC.mqOpen(queueName, LibC.O_WRONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
		if (mqd < 0) {
			return;
		}
		try {
			if (FileStatus.of(mqd).isSameFile(expected)) {
				seal(mqd);
			}
		}
		finally {
			LibC.mq_close(mqd);
		}
	}

}
