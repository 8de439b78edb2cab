package dev.mailslot.spring.listener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.core.MailslotServers;

/**
 * For tests: counts the messages each mailslot still holds once the listener containers
 * have stopped, just before the servers close: what their close deletes. It stops in the
 * phase right after the containers'; a test reads {@link #total()} once the context has
 * closed, and a second JVM prints it. Used where the transport's close does not report
 * its count itself.
 */
public class MessagesLeftAtClose implements SmartLifecycle {

	private final MailslotServers servers;

	private final Map<String, Integer> left = new ConcurrentHashMap<>();

	private volatile boolean running;

	public MessagesLeftAtClose(MailslotServers servers) {
		this.servers = servers;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.servers.getServers().forEach((name, server) -> this.left.put(name, waiting(server)));
		this.running = false;
	}

	private static int waiting(MailslotServer server) {
		return server.isOpen() ? server.info().messageCount() : 0;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return AbstractMailslotListenerContainer.PHASE - 1;
	}

	/**
	 * Return how many messages the mailslots held, in all, when the containers had
	 * stopped.
	 * @return the count, 0 before the context closed
	 */
	public int total() {
		return this.left.values().stream().mapToInt(Integer::intValue).sum();
	}

}
