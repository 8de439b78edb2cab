package dev.mailslot.spring.listener;

/**
 * One start-to-stop run of a listener container: its reader and whatever dispatches for
 * it. A new start gets a new run, so a reader of an earlier run never reads for a later
 * one.
 */
public interface ListenerRun {

	/**
	 * Start reading; if that fails, undo what was started and throw.
	 */
	void start();

	/**
	 * Return whether the run's reader is still alive.
	 * @return whether active
	 */
	boolean isActive();

	/**
	 * Return whether the run was asked to stop.
	 * @return whether a stop was requested
	 */
	boolean isStopRequested();

	/**
	 * Ask the run to stop, draining the mailslot until the deadline if asked to. Called
	 * with the container's lock held.
	 * @param drain whether to drain first
	 * @param deadline when draining and waiting end, in {@code System.nanoTime()}
	 */
	void requestStop(boolean drain, long deadline);

	/**
	 * Wake the run's reader if it waits for a message, so that it looks at once at
	 * whether it is asked to pause or stop. Called with the container's lock held.
	 */
	void wakeReader();

	/**
	 * Wait for the run to end after {@link #requestStop(boolean, long)}: until the
	 * deadline, and past it while what was not dispatched is handed to the error handler.
	 * @param drain whether draining was asked for
	 * @param deadline when waiting ends, in {@code System.nanoTime()}
	 */
	void awaitStop(boolean drain, long deadline);

}
