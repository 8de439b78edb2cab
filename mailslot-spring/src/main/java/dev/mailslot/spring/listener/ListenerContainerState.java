package dev.mailslot.spring.listener;

/**
 * The state of a listener container.
 */
public enum ListenerContainerState {

	/** Not reading; the mailslot keeps what arrives. */
	STOPPED,

	/** Reading and dispatching. */
	RUNNING,

	/**
	 * Started, but not reading because of
	 * {@link AbstractMailslotListenerContainer#pause()}; the mailslot keeps what arrives.
	 */
	PAUSED,

	/** Stopping: finishing what it holds, draining the mailslot first at shutdown. */
	STOPPING,

	/**
	 * The reader stopped on its own because reading failed; see
	 * {@link AbstractMailslotListenerContainer#getFailure()}.
	 */
	FAILED

}
