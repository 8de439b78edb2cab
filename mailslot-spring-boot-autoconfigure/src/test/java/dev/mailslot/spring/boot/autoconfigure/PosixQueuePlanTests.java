package dev.mailslot.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.transport.posix.PosixQueueBudget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PosixQueuePlan}, at the stock limits: msg_max and msg_default 10,
 * msgsize_max 8192, RLIMIT_MSGQUEUE 819,200 bytes.
 */
@ExtendWith(OutputCaptureExtension.class)
class PosixQueuePlanTests {

	private final PosixQueueBudget stock = PosixQueueBudget.of(819_200, 10, 8192, 10);

	private final Function<MailslotName, MailslotServerOptions> defaults = (name) -> MailslotServerOptions.builder(name)
		.build();

	@Test
	void nineMailslotsKeepTheSystemsDefaultCapacityAndNothingIsLogged(CapturedOutput output) {
		PosixQueuePlan plan = PosixQueuePlan.plan(this.stock, Map.of(), listeners(9), this.defaults);
		assertThat(plan.defaults().apply(MailslotName.parse("any")).queueCapacity()).isZero();
		assertThat(output).doesNotContain("RLIMIT_MSGQUEUE");
	}

	@Test
	void fiftyMailslotsGetOneMessageEachAndTheReductionIsLogged(CapturedOutput output) {
		PosixQueuePlan plan = PosixQueuePlan.plan(this.stock, configured(2, 0), listeners(48), this.defaults);
		assertThat(plan.configured().values()).extracting(MailslotServerOptions::queueCapacity).containsOnly(1);
		assertThat(plan.defaults().apply(MailslotName.parse("any")).queueCapacity()).isEqualTo(1);
		assertThat(output).contains("INFO")
			.contains("The 50 posix mailslot(s) of this application share the user's RLIMIT_MSGQUEUE of 819200 bytes: "
					+ "each of the 50 whose queue-capacity is 0 gets a queue of 1 message(s) instead of "
					+ "fs.mqueue.msg_default (10)")
			.contains(
					"(with a max-message-size of at most 1542 bytes, such as mailslot.server-defaults.max-message-size, "
							+ "each keeps 10)")
			.contains("Messages beyond the queue wait in the server's memory (hold-capacity)");
	}

	@Test
	void twelveMailslotsGetEightMessagesEach() {
		PosixQueuePlan plan = PosixQueuePlan.plan(this.stock, configured(12, 0), Set.of(), this.defaults);
		assertThat(plan.configured().values()).extracting(MailslotServerOptions::queueCapacity).containsOnly(8);
	}

	@Test
	void anExplicitCapacityIsHonouredAndItsBytesSetAside() {
		Map<String, MailslotServerOptions> configured = new LinkedHashMap<>(configured(8, 0));
		configured.put("big", MailslotServerOptions.builder("big").queueCapacity(10).build());
		configured.put("bigger", MailslotServerOptions.builder("bigger").queueCapacity(10).build());
		PosixQueuePlan plan = PosixQueuePlan.plan(this.stock, configured, Set.of(), this.defaults);
		assertThat(plan.configured().get("big").queueCapacity()).isEqualTo(10);
		assertThat(plan.configured().get("bigger").queueCapacity()).isEqualTo(10);
		// (819,200 - 2 x 82,880) / (8 x 8,288) = 9.85
		assertThat(plan.configured().get("s0").queueCapacity()).isEqualTo(9);
	}

	@Test
	void aListenerOfAConfiguredServerByIdOrByNameIsNotCountedTwice() {
		Set<String> listeners = new LinkedHashSet<>(listeners(7));
		listeners.add("s0");
		listeners.add("\\\\.\\mailslot\\S1");
		PosixQueuePlan plan = PosixQueuePlan.plan(this.stock, configured(2, 0), listeners, this.defaults);
		assertThat(plan.defaults().apply(MailslotName.parse("any")).queueCapacity()).isZero();
	}

	@Test
	void theMessageSizeTheLogSuggestsKeepsTheDefaultCapacity() {
		Function<MailslotName, MailslotServerOptions> suggested = (
				name) -> MailslotServerOptions.builder(name).maxMessageSize(1542).build();
		PosixQueuePlan plan = PosixQueuePlan.plan(this.stock, Map.of(), listeners(50), suggested);
		assertThat(plan.defaults().apply(MailslotName.parse("any")).queueCapacity()).isZero();
		Function<MailslotName, MailslotServerOptions> larger = (
				name) -> MailslotServerOptions.builder(name).maxMessageSize(1543).build();
		plan = PosixQueuePlan.plan(this.stock, Map.of(), listeners(50), larger);
		assertThat(plan.defaults().apply(MailslotName.parse("any")).queueCapacity()).isEqualTo(9);
	}

	@Test
	void smallMessagesLetManyMailslotsKeepTheDefault() {
		Function<MailslotName, MailslotServerOptions> small = (
				name) -> MailslotServerOptions.builder(name).maxMessageSize(256).build();
		PosixQueuePlan plan = PosixQueuePlan.plan(this.stock, Map.of(), listeners(200), small);
		assertThat(plan.defaults().apply(MailslotName.parse("any")).queueCapacity()).isZero();
	}

	@Test
	void aMailslotWithoutHoldIsWarnedOfThatItsWritersWait(CapturedOutput output) {
		PosixQueuePlan.plan(this.stock, configured(20, 0), Set.of(), this.defaults);
		assertThat(output).contains("INFO").doesNotContain("WARN");
		PosixQueuePlan.plan(this.stock, configured(20, 1), Set.of(), this.defaults);
		assertThat(output).contains("WARN")
			.contains("gets a queue of 4 message(s)")
			.contains(
					"Mailslot(s) [\\\\.\\mailslot\\s0] have hold-capacity 0: their writers wait once 4 message(s) wait.");
	}

	@Test
	void mailslotsThatCannotFitAreWarnedOfWithTheFix(CapturedOutput output) {
		PosixQueuePlan plan = PosixQueuePlan.plan(this.stock, Map.of(), listeners(100), this.defaults);
		assertThat(plan.defaults().apply(MailslotName.parse("any")).queueCapacity()).isEqualTo(1);
		assertThat(output).contains("WARN")
			.contains("the 100 whose queue-capacity is 0 need 828800 bytes for queues of one message each, more than "
					+ "is left, so the first that does not fit fails the start-up")
			.contains("raise RLIMIT_MSGQUEUE (ulimit -q");
	}

	@Test
	void noLimitLeavesEveryCapacityToTheSystem() {
		PosixQueuePlan plan = PosixQueuePlan.plan(PosixQueueBudget.of(Long.MAX_VALUE, 10, 8192, 10), Map.of(),
				listeners(500), this.defaults);
		assertThat(plan.defaults().apply(MailslotName.parse("any")).queueCapacity()).isZero();
	}

	private static Set<String> listeners(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> "listener-" + i)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * Return servers s0, s1, ... of the default capacity, the first {@code withoutHold}
	 * with a hold capacity of 0.
	 */
	private static Map<String, MailslotServerOptions> configured(int count, int withoutHold) {
		Map<String, MailslotServerOptions> servers = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			servers.put("s" + i,
					MailslotServerOptions.builder("s" + i).holdCapacity((i < withoutHold) ? 0 : 10).build());
		}
		return servers;
	}

}
