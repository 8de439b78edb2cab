package dev.mailslot.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.transport.posix.PosixQueueBudget;

/**
 * Shares the user's {@code RLIMIT_MSGQUEUE} between the posix mailslots the application
 * creates at start-up: those of {@code mailslot.servers} and those its
 * {@code @MailslotListener}s name. What the queues with a {@code queue-capacity} of their
 * own reserve is set aside; the queues whose capacity is left to the system (0) all get
 * the largest capacity, at most {@code fs.mqueue.msg_default}, with which they fit in the
 * rest. A reduced capacity is logged.
 *
 * @param configured the options of the configured servers by id, with the planned
 * capacity
 * @param defaults the options of a server a listener names without a configuration, with
 * the planned capacity
 */
record PosixQueuePlan(Map<String, MailslotServerOptions> configured,
		Function<MailslotName, MailslotServerOptions> defaults) {

	private static final Log logger = LogFactory.getLog(PosixQueuePlan.class);

	/**
	 * Plan the queues of the configured servers and of those the listeners' mailslots
	 * need.
	 * @param budget the user's limit and the system's queue limits
	 * @param configured the options of the configured servers by id
	 * @param listenerMailslots the mailslots the listeners name: server ids or mailslot
	 * names
	 * @param defaults the options of a server a listener names without a configuration
	 * @return the plan
	 */
	static PosixQueuePlan plan(PosixQueueBudget budget, Map<String, MailslotServerOptions> configured,
			Set<String> listenerMailslots, Function<MailslotName, MailslotServerOptions> defaults) {
		List<MailslotServerOptions> servers = new ArrayList<>(configured.values());
		servers.addAll(unconfigured(configured, listenerMailslots, defaults));
		long explicit = 0;
		List<Integer> sizes = new ArrayList<>();
		List<MailslotName> withoutHold = new ArrayList<>();
		for (MailslotServerOptions server : servers) {
			int size = budget.messageSize(server.maxMessageSize());
			if (server.queueCapacity() != 0) {
				explicit += PosixQueueBudget.queueBytes(server.queueCapacity(), size);
			}
			else {
				sizes.add(size);
				if (server.holdCapacity() == 0) {
					withoutHold.add(server.name());
				}
			}
		}
		if (sizes.isEmpty() || budget.limit() == Long.MAX_VALUE) {
			return new PosixQueuePlan(configured, defaults);
		}
		int capacity = budget.sharedCapacity(budget.limit() - explicit, sizes);
		if (capacity >= budget.defaultCapacity()) {
			return new PosixQueuePlan(configured, defaults);
		}
		log(budget, servers.size(), sizes, explicit, capacity, withoutHold);
		int planned = Math.max(capacity, 1);
		Map<String, MailslotServerOptions> planConfigured = new LinkedHashMap<>();
		configured.forEach((id, options) -> planConfigured.put(id, withCapacity(options, planned)));
		return new PosixQueuePlan(planConfigured, (name) -> withCapacity(defaults.apply(name), planned));
	}

	/**
	 * Return the options of the servers that listeners will create: one for each mailslot
	 * that no configured server is, by id or by name.
	 */
	private static List<MailslotServerOptions> unconfigured(Map<String, MailslotServerOptions> configured,
			Set<String> listenerMailslots, Function<MailslotName, MailslotServerOptions> defaults) {
		List<MailslotServerOptions> servers = new ArrayList<>();
		for (String mailslot : listenerMailslots) {
			if (configured.containsKey(mailslot)) {
				continue;
			}
			MailslotName name;
			try {
				name = MailslotName.parse(mailslot);
			}
			catch (InvalidMailslotNameException ex) {
				// An expression, or a name the listener reports: it counts as a mailslot.
				name = MailslotName.local("planned-" + servers.size());
			}
			MailslotName candidate = name;
			if (configured.values().stream().noneMatch((options) -> options.name().equals(candidate))) {
				servers.add(defaults.apply(name));
			}
		}
		return servers;
	}

	private static void log(PosixQueueBudget budget, int servers, List<Integer> sizes, long explicit, int capacity,
			List<MailslotName> withoutHold) {
		String shared = "The " + servers + " posix mailslot(s) of this application share the user's RLIMIT_MSGQUEUE of "
				+ budget.limit() + " bytes"
				+ ((explicit > 0)
						? ", " + explicit + " of them reserved by those with a " + "queue-capacity of their own" : "")
				+ ": ";
		String raise = "raise RLIMIT_MSGQUEUE (ulimit -q, LimitMSGQUEUE= in a systemd unit), lower max-message-size, or "
				+ "set queue-capacity";
		if (capacity == 0) {
			long needed = sizes.stream().mapToLong((size) -> PosixQueueBudget.queueBytes(1, size)).sum();
			logger.warn(shared + "the " + sizes.size() + " whose queue-capacity is 0 need " + needed + " bytes for "
					+ "queues of one message each, more than is left, so the first that does not fit fails the "
					+ "start-up. To run them all, " + raise);
			return;
		}
		long keepingSize = (budget.limit() - explicit) / ((long) sizes.size() * budget.defaultCapacity())
				- PosixQueueBudget.MESSAGE_OVERHEAD;
		String plan = shared + "each of the " + sizes.size() + " whose queue-capacity is 0 gets a queue of " + capacity
				+ " message(s) instead of fs.mqueue.msg_default (" + budget.defaultCapacity() + "), " + capacity
				+ " x (its max message size + " + PosixQueueBudget.MESSAGE_OVERHEAD
				+ ") bytes of the limit. For larger " + "queues, " + raise
				+ ((keepingSize > 0) ? " (with a max-message-size of at most " + keepingSize + " bytes, such as "
						+ "mailslot.server-defaults.max-message-size, each keeps " + budget.defaultCapacity() + ")"
						: "");
		if (withoutHold.isEmpty()) {
			logger.info(plan + ". Messages beyond the queue wait in the server's memory (hold-capacity) while its "
					+ "listener is busy.");
		}
		else {
			logger.warn(plan + ". Mailslot(s) " + withoutHold + " have hold-capacity 0: their writers wait once "
					+ capacity + " message(s) wait.");
		}
	}

	private static MailslotServerOptions withCapacity(MailslotServerOptions options, int capacity) {
		if (options.queueCapacity() != 0) {
			return options;
		}
		return MailslotServerOptions.builder(options.name())
			.maxMessageSize(options.maxMessageSize())
			.readTimeout(options.readTimeout())
			.inheritHandle(options.inheritHandle())
			.securityDescriptor(options.securityDescriptor())
			.mode(options.mode())
			.queueCapacity(capacity)
			.allowWorldAccess(options.allowWorldAccess())
			.holdCapacity(options.holdCapacity())
			.build();
	}

}
