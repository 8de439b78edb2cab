package dev.mailslot.spring.listener.adapter;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.mailslot.MailslotName;

/**
 * Which mailslots a reply target computed from each message ({@code @SendTo("!{...}")})
 * may name. The request chooses such a target, so by default only mailslots on this host:
 * a remote name would let whoever writes a request make the application write to another
 * host, and {@code \\*\mailslot\...} or the workgroup's name would broadcast the reply on
 * the network. Targets fixed in configuration are not limited: whoever configures them
 * chose them.
 */
public final class PerMessageReplyTargets {

	private static final PerMessageReplyTargets LOCAL_ONLY = new PerMessageReplyTargets(Reach.LOCAL, Set.of(),
			(needed) -> "allow it with MailslotListenerContainerFactory.setPerMessageReplyTargets("
					+ "PerMessageReplyTargets.allowing(Reach." + needed + ", ...))");

	private final Reach reach;

	private final Set<String> groupNames;

	private final Function<Reach, String> remedy;

	private PerMessageReplyTargets(Reach reach, Set<String> groupNames, Function<Reach, String> remedy) {
		this.reach = reach;
		this.groupNames = groupNames;
		this.remedy = remedy;
	}

	/**
	 * Return the default: mailslots on this host only.
	 * @return the targets
	 */
	public static PerMessageReplyTargets localOnly() {
		return LOCAL_ONLY;
	}

	/**
	 * Return targets up to a reach.
	 * @param reach how far a per-message target may reach
	 * @param groupNames names that send to a group of hosts, such as the network
	 * transport's workgroup: {@code \\WORKGROUP\mailslot\...} is then a broadcast, not a
	 * remote host
	 * @param remedy what a refusal says to allow the reach it needed, such as the
	 * property to set
	 * @return the targets
	 */
	public static PerMessageReplyTargets allowing(Reach reach, Collection<String> groupNames,
			Function<Reach, String> remedy) {
		Set<String> groups = groupNames.stream()
			.map((name) -> name.toUpperCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		return new PerMessageReplyTargets(reach, groups, remedy);
	}

	/**
	 * Return how far per-message targets may reach.
	 * @return the reach
	 */
	public Reach getReach() {
		return this.reach;
	}

	/**
	 * Check a target that a message chose.
	 * @param target the mailslot
	 * @param expression the {@code @SendTo} value that computed it, for the report
	 * @throws ReplyTargetRefusedException if the target reaches further than allowed
	 */
	void check(MailslotName target, String expression) {
		Reach needed = reachOf(target);
		if (needed.compareTo(this.reach) > 0) {
			throw new ReplyTargetRefusedException("The reply target " + target + " that @SendTo(\"" + expression
					+ "\") computed from this message " + describe(target, needed)
					+ ", and per-message reply targets may " + describe(this.reach) + "; " + this.remedy.apply(needed));
		}
	}

	private Reach reachOf(MailslotName target) {
		return switch (target.scope()) {
			case LOCAL -> Reach.LOCAL;
			case PRIMARY_DOMAIN -> Reach.BROADCAST;
			case REMOTE ->
				this.groupNames.contains(target.host().toUpperCase(Locale.ROOT)) ? Reach.BROADCAST : Reach.REMOTE;
		};
	}

	private static String describe(MailslotName target, Reach reach) {
		if (target.scope() == MailslotName.Scope.PRIMARY_DOMAIN) {
			return "broadcasts to every host of the primary domain";
		}
		return (reach == Reach.BROADCAST) ? "broadcasts to the group " + target.host()
				: "names another host (" + target.host() + ")";
	}

	private String describe(Reach reach) {
		return switch (reach) {
			case LOCAL -> "only name mailslots on this host";
			case REMOTE -> "name remote hosts but not broadcast";
			case BROADCAST -> "name any mailslot";
		};
	}

	/**
	 * How far a per-message reply target may reach, each allowing what those before it
	 * allow.
	 */
	public enum Reach {

		/**
		 * Mailslots on this host: {@code \\.\mailslot\...}, bare names and server ids.
		 */
		LOCAL,

		/**
		 * Also {@code \\HOST\mailslot\...} for one remote host. On win32, Windows decides
		 * whether such a name is a host or a domain, and a domain's name broadcasts to
		 * it.
		 */
		REMOTE,

		/**
		 * Also broadcasts: {@code \\*\mailslot\...} and the names of groups such as the
		 * workgroup.
		 */
		BROADCAST

	}

}
