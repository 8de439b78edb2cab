package dev.mailslot.spring.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.listener.MailslotListenerContainer;

/**
 * Holds the application's listener containers by id and runs them with the application:
 * starts those set to start automatically, and at shutdown drains and stops them all
 * before the mailslots close. Offers start, stop, pause and resume by listener id at run
 * time.
 */
public class MailslotListenerEndpointRegistry implements SmartLifecycle, DisposableBean {

	/**
	 * Stops early at shutdown, so listeners drain before the mailslots and other beans
	 * go.
	 */
	public static final int PHASE = MailslotListenerContainer.PHASE;

	private final Map<String, MailslotListenerContainer> containers = new LinkedHashMap<>();

	private final Map<MailslotName, String> listenerMethods = new LinkedHashMap<>();

	private final List<Consumer<MailslotListenerContainer>> registrationListeners = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	/**
	 * Create and register the container of an endpoint.
	 * @param endpoint the endpoint
	 * @param factory the factory that creates its container
	 * @return the container
	 * @throws DuplicateMailslotListenerException if another listener has the same id or
	 * reads the same mailslot
	 */
	public MailslotListenerContainer registerListenerContainer(MailslotListenerEndpoint endpoint,
			MailslotListenerContainerFactory factory) {
		MailslotListenerContainer container = register(endpoint, factory);
		this.registrationListeners.forEach((listener) -> listener.accept(container));
		return container;
	}

	/**
	 * Call a listener with each container registered from now on, as the registration
	 * returns: a listener on a lazy bean registers when the bean is created, after the
	 * context refreshed.
	 * @param listener the listener
	 */
	public void addRegistrationListener(Consumer<MailslotListenerContainer> listener) {
		this.registrationListeners.add(listener);
	}

	private synchronized MailslotListenerContainer register(MailslotListenerEndpoint endpoint,
			MailslotListenerContainerFactory factory) {
		MailslotListenerContainer existing = this.containers.get(endpoint.getId());
		if (existing != null) {
			throw new DuplicateMailslotListenerException("Two listeners have the id '" + endpoint.getId() + "': "
					+ this.listenerMethods.get(existing.getServer().name()) + " and " + endpoint.describe()
					+ ". Give one of them another id");
		}
		MailslotListenerContainer container = factory.createContainer(endpoint);
		MailslotName mailslot = container.getServer().name();
		String other = this.listenerMethods.get(mailslot);
		if (other != null) {
			throw new DuplicateMailslotListenerException("Mailslot " + mailslot + " has two listeners: " + other
					+ " and " + endpoint.describe() + ". A mailslot has one reader; give one of them another "
					+ "mailslot, or raise concurrency on one listener to process messages in parallel");
		}
		this.listenerMethods.put(mailslot, endpoint.describe());
		this.containers.put(endpoint.getId(), container);
		if (this.running && container.isAutoStartup()) {
			container.start();
		}
		return container;
	}

	/**
	 * Return a container by listener id.
	 * @param id the listener id
	 * @return the container, or {@code null}
	 */
	public synchronized @Nullable MailslotListenerContainer getListenerContainer(String id) {
		return this.containers.get(id);
	}

	public synchronized Set<String> getListenerContainerIds() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(this.containers.keySet()));
	}

	public synchronized Collection<MailslotListenerContainer> getListenerContainers() {
		return Collections.unmodifiableList(new ArrayList<>(this.containers.values()));
	}

	/**
	 * Return the container that reads a mailslot.
	 * @param mailslot the mailslot
	 * @return the container, or {@code null}
	 */
	public synchronized @Nullable MailslotListenerContainer getListenerContainer(MailslotName mailslot) {
		return this.containers.values()
			.stream()
			.filter((container) -> container.getServer().name().equals(mailslot))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Return the listener method of a mailslot, as {@code Class.method()}.
	 * @param mailslot the mailslot
	 * @return the method, or {@code null}
	 */
	public synchronized @Nullable String getListenerMethod(MailslotName mailslot) {
		return this.listenerMethods.get(mailslot);
	}

	public void start(String id) {
		container(id).start();
	}

	public void stop(String id) {
		container(id).stop();
	}

	public void pause(String id) {
		container(id).pause();
	}

	public void resume(String id) {
		container(id).resume();
	}

	private MailslotListenerContainer container(String id) {
		MailslotListenerContainer container = getListenerContainer(id);
		if (container == null) {
			throw new IllegalArgumentException(
					"No mailslot listener has the id '" + id + "'; the ids are " + getListenerContainerIds());
		}
		return container;
	}

	/**
	 * Start the containers set to start automatically. The registry counts as running
	 * before it takes the list, under the lock registration holds, so a container
	 * registered meanwhile is either in the list or started as it registers.
	 */
	@Override
	public void start() {
		List<MailslotListenerContainer> containers;
		synchronized (this) {
			this.running = true;
			containers = new ArrayList<>(this.containers.values());
		}
		for (MailslotListenerContainer container : containers) {
			if (container.isAutoStartup()) {
				container.start();
			}
		}
	}

	/**
	 * Drain and stop every container, in parallel, each within its shutdown timeout.
	 */
	@Override
	public void stop() {
		this.running = false;
		shutdown(getListenerContainers());
	}

	/**
	 * Drain and stop containers in parallel and wait for all of them, also when
	 * interrupted: the mailslots close after this returns, which would delete what a
	 * drain still reads. Each drain ends within its container's shutdown timeout.
	 */
	private void shutdown(Collection<MailslotListenerContainer> containers) {
		List<Thread> stopping = new ArrayList<>();
		for (MailslotListenerContainer container : containers) {
			Thread thread = new Thread(container::shutdown, "mailslot-shutdown-" + container.getId());
			thread.start();
			stopping.add(thread);
		}
		boolean interrupted = false;
		for (Thread thread : stopping) {
			while (thread.isAlive()) {
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Drain and stop the containers that still run: those the context's lifecycle did not
	 * stop, or that were started again by id after it did.
	 */
	@Override
	public void destroy() {
		this.running = false;
		shutdown(getListenerContainers().stream().filter(MailslotListenerContainer::isRunning).toList());
	}

}
