package dev.mailslot.transport.posix;

import com.sun.jna.Memory;

/**
 * Seals a queue that is about to be unlinked: fills it to capacity with empty messages, so that a
 * client still holding it finds it full on its next write, checks the queue's link count and
 * fails, rather than every client checking before every write.
 */
final class QueueSeal {

	private QueueSeal() {
	}

	/**
	 * Fill the named queue; do nothing if it cannot be opened for writing. Call while the queue is
	 * still linked and no reader of this process reads it.
	 * @param queueName the queue's name
	 */
	static void seal(String queueName) {
		int mqd = LibC.mqOpen(queueName, LibC.O_WRONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
		if (mqd < 0) {
			return;
		}
		try (Memory empty = new Memory(1)) {
			while (LibC.mq_send(mqd, empty, 0, 0) == 0 || LibC.errno() == LibC.EINTR) {
				// Until the queue is full (EAGAIN) or refuses for another reason.
			}
		}
		finally {
			LibC.mq_close(mqd);
		}
	}

}
