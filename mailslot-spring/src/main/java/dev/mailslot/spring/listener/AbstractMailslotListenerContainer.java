package dev.mailslot.spring.listener;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The life of a listener container, apart from how it reads: the states, start, pause and
 * resume, stop, and shutdown with its drain. Each start begins a {@link ListenerRun} that
 * the subclass creates.
 * <p>
 * A container declared as a bean is run by the context: started with it unless
 * {@link MailslotListenerContainerOptions#autoStartup() auto-startup} is off, and shut
 * down, draining, when it stops (early, in {@link #PHASE}, before the mailslots close).
 */
public abstract class AbstractMailslotListenerContainer implements SmartLifecycle, DisposableBean {

	/**
	 * Lifecycle phase of containers: stopped early, so that they drain before the
	 * mailslots close.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

	private final String id;

	private final MailslotListenerContainerOptions options;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition stateChanged = this.lock.newCondition();

	private ListenerContainerState state = ListenerContainerState.STOPPED;

	private boolean pauseRequested;

	private @Nullable Throwable failure;

	private @Nullable ListenerRun run;

	private ListenerContainerEvents events;

	/**
	 * Create a container.
	 * @param id the listener id
	 * @param options how to read, dispatch and stop
	 */
	protected AbstractMailslotListenerContainer(String id, MailslotListenerContainerOptions options) {
		this.id = id;
		this.options = options;
		this.events = new ListenerContainerEvents(this, "", null, null, () -> 0);
	}

	/**
	 * Publish the container's events with this publisher: started, stopped, paused,
	 * resumed, failed, and idle when
	 * {@link MailslotListenerContainerOptions#idleEventInterval()} is set. A container
	 * factory in an application context sets it; without it, nothing is published.
	 * @param publisher the publisher, or {@code null} to publish nothing
	 */
	public void setApplicationEventPublisher(@Nullable ApplicationEventPublisher publisher) {
		this.events = new ListenerContainerEvents(this, describeMailslot(), publisher, this.options.idleEventInterval(),
				this::receivedCount);
	}

	/**
	 * Name the mailslot the container reads, for its events.
	 * @return the mailslot's name
	 */
	protected String describeMailslot() {
		return "";
	}

	/**
	 * Return how many messages the container has received, to tell when it is idle.
	 * @return the count so far
	 */
	protected long receivedCount() {
		return 0;
	}

	/**
	 * Create the run a start begins, not started yet. Called with the container's lock
	 * held.
	 * @return the run
	 */
	protected abstract ListenerRun createRun();

	/**
	 * Dispatch what the mailslot holds while no run reads it, until the deadline; hand
	 * the rest to the error handler.
	 * @param deadline when to give up, in {@code System.nanoTime()}
	 */
	protected abstract void drainIdle(long deadline);

	public String getId() {
		return this.id;
	}

	public MailslotListenerContainerOptions getOptions() {
		return this.options;
	}

	@Override
	public boolean isAutoStartup() {
		return this.options.autoStartup();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Return the container's state.
	 * @return the state
	 */
	public ListenerContainerState getState() {
		return locked(() -> this.state);
	}

	/**
	 * Return why the reader stopped on its own, if it did.
	 * @return the failure, or {@code null}
	 */
	public @Nullable Throwable getFailure() {
		return locked(() -> this.failure);
	}

	@Override
	public boolean isRunning() {
		ListenerContainerState current = getState();
		return current == ListenerContainerState.RUNNING || current == ListenerContainerState.PAUSED;
	}

	/**
	 * Return whether the reader has stopped reading because of {@link #pause()}.
	 * @return whether paused
	 */
	public boolean isPaused() {
		return getState() == ListenerContainerState.PAUSED;
	}

	/**
	 * Start reading and dispatching. Starting a running container does nothing; a
	 * container paused before it started starts paused.
	 * @throws IllegalStateException if the previous run's reader has not ended yet
	 */
	@Override
	public void start() {
		this.lock.lock();
		try {
			if (this.state != ListenerContainerState.STOPPED && this.state != ListenerContainerState.FAILED) {
				return;
			}
			ListenerRun previous = this.run;
			Assert.state(previous == null || !previous.isActive(),
					() -> "Listener " + this.id + " cannot start: the reader of its previous run has not ended yet");
			ListenerRun next = createRun();
			next.start();
			this.run = next;
			this.failure = null;
			this.state = ListenerContainerState.RUNNING;
		}
		finally {
			this.lock.unlock();
		}
		this.events.started();
	}

	/**
	 * Stop reading; the mailslot stays open and messages queue in it. The dispatchers
	 * finish what they hold.
	 */
	public void pause() {
		setPauseRequested(true);
	}

	/**
	 * Read again after {@link #pause()}.
	 */
	public void resume() {
		setPauseRequested(false);
	}

	private void setPauseRequested(boolean pauseRequested) {
		locked(() -> {
			this.pauseRequested = pauseRequested;
			if (pauseRequested && this.run != null) {
				this.run.wakeReader();
			}
			this.stateChanged.signalAll();
		});
	}

	/**
	 * Return whether {@link #pause()} was called and not undone by {@link #resume()}: the
	 * reader stops reading once it notices, at once if it waits for a message (the pause
	 * wakes it) or, with a concurrency of 1, once the listener call in progress returns,
	 * and {@link #isPaused()} then says so.
	 * @return whether a pause is requested
	 */
	public boolean isPauseRequested() {
		return locked(() -> this.pauseRequested);
	}

	private <T> T locked(Supplier<T> action) {
		this.lock.lock();
		try {
			return action.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void locked(Runnable action) {
		this.lock.lock();
		try {
			action.run();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stop reading and wait, up to the shutdown timeout, for the dispatchers to finish
	 * what they hold. Messages still in the mailslot stay there.
	 */
	@Override
	public void stop() {
		stop(false);
	}

	/**
	 * Stop as the context stops: drain the mailslot first, since the mailslot closes
	 * next.
	 * @param callback told when the container has stopped
	 */
	@Override
	public void stop(Runnable callback) {
		try {
			shutdown();
		}
		finally {
			callback.run();
		}
	}

	/**
	 * Drain and stop a container the context's lifecycle did not stop, or that was
	 * started again after it did.
	 */
	@Override
	public void destroy() {
		if (isRunning()) {
			shutdown();
		}
	}

	/**
	 * Drain the mailslot, then stop: used before the mailslot is closed, which deletes
	 * what it holds. Works also on a container that is stopped, failed or never started.
	 * The drain takes a message or batch at a time until the shutdown timeout: what it
	 * took and could not dispatch goes to the error handler, and what it did not take
	 * stays in the mailslot for its close to count.
	 */
	public void shutdown() {
		stop(true);
	}

	/**
	 * Stop the current run, if its reader is alive as read under the lock; otherwise,
	 * when draining, drain without a reader.
	 */
	private void stop(boolean drain) {
		long deadline = System.nanoTime() + this.options.shutdownTimeout().toNanos();
		ListenerRun active;
		boolean wasStarted;
		this.lock.lock();
		try {
			wasStarted = this.state == ListenerContainerState.RUNNING || this.state == ListenerContainerState.PAUSED;
			ListenerRun current = this.run;
			active = (current != null && current.isActive()) ? current : null;
			if (active == null) {
				this.run = null;
			}
			else {
				active.requestStop(drain, deadline);
				this.stateChanged.signalAll();
			}
			if (this.state != ListenerContainerState.FAILED) {
				this.state = (active != null) ? ListenerContainerState.STOPPING : ListenerContainerState.STOPPED;
			}
		}
		finally {
			this.lock.unlock();
		}
		if (active == null) {
			if (drain) {
				drainIdle(deadline);
			}
			if (wasStarted) {
				this.events.stopped();
			}
			return;
		}
		active.awaitStop(drain, deadline);
		locked(() -> {
			if (this.run == active) {
				this.run = null;
			}
			if (this.state == ListenerContainerState.STOPPING) {
				this.state = ListenerContainerState.STOPPED;
			}
		});
		if (wasStarted) {
			this.events.stopped();
		}
	}

	/**
	 * Wait while paused; return whether the run's reader should read on.
	 * @param current the run whose reader asks
	 * @return {@code false} once the run is asked to stop
	 */
	protected final boolean awaitReading(ListenerRun current) {
		this.lock.lock();
		try {
			while (!current.isStopRequested()) {
				if (!this.pauseRequested) {
					boolean resumed = this.state == ListenerContainerState.PAUSED;
					this.state = ListenerContainerState.RUNNING;
					if (resumed) {
						publishUnlocked(this.events::resumed);
					}
					else {
						Duration idleTime = this.events.idleEventDue();
						if (idleTime != null) {
							publishUnlocked(() -> this.events.idle(idleTime));
						}
					}
					return true;
				}
				if (this.state != ListenerContainerState.PAUSED) {
					this.state = ListenerContainerState.PAUSED;
					publishUnlocked(this.events::paused);
					continue;
				}
				try {
					this.stateChanged.await(this.options.pollTimeout().toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					// Only stop() ends the reader; look at the state again.
				}
			}
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Publish on the reader's thread without the lock, which the reader holds, so that an
	 * event listener may look at the container.
	 */
	private void publishUnlocked(Runnable publish) {
		this.lock.unlock();
		try {
			publish.run();
		}
		finally {
			this.lock.lock();
		}
	}

	/**
	 * Record that a run's reader stopped on its own, unless it was asked to stop or is no
	 * longer the current run.
	 * @param current the run whose reader failed
	 * @param cause why
	 * @return whether the container is now {@link ListenerContainerState#FAILED}
	 */
	protected final boolean runFailed(ListenerRun current, Throwable cause) {
		boolean failed = locked(() -> {
			if (current.isStopRequested() || this.run != current) {
				return false;
			}
			this.state = ListenerContainerState.FAILED;
			this.failure = cause;
			return true;
		});
		if (failed) {
			this.events.failed(cause);
		}
		return failed;
	}

}
