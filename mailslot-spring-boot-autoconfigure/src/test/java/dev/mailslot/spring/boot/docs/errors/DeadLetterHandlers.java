package dev.mailslot.spring.boot.docs.errors;

import java.nio.file.Path;
import java.util.Set;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.core.MailslotTemplate;
// tag::one-mailslot[]
// tag::by-failure[]
import dev.mailslot.spring.listener.DeadLetterDirectoryErrorHandler;
// end::by-failure[]
// end::one-mailslot[]
// tag::replay[]
import dev.mailslot.spring.listener.DeadLetterDirectoryReplayer;
// end::replay[]
// tag::one-mailslot[]
// tag::by-failure[]
import dev.mailslot.spring.listener.DeadLetterMailslotErrorHandler;
// end::by-failure[]
// end::one-mailslot[]
// tag::replay[]
import dev.mailslot.spring.listener.DeadLetterReplayResult;
// end::replay[]

/**
 * The dead-letter mailslot and the replay of {@code docs/error-handling.md}, without Boot.
 */
final class DeadLetterHandlers {

	private DeadLetterHandlers() {
	}

	static DeadLetterMailslotErrorHandler toOneMailslot(MailslotTemplate template, MailslotName deadLetters,
			Path directory) {
		// tag::one-mailslot[]
		DeadLetterMailslotErrorHandler handler = new DeadLetterMailslotErrorHandler(template, deadLetters,
				new DeadLetterDirectoryErrorHandler(directory));
		// end::one-mailslot[]
		return handler;
	}

	static DeadLetterMailslotErrorHandler byFailure(MailslotTemplate template, MailslotName deadLetters,
			Path directory) {
		return
		// tag::by-failure[]
		new DeadLetterMailslotErrorHandler(template,
				(original, cause) -> (cause instanceof IllegalStateException) ? deadLetters : null,
				new DeadLetterDirectoryErrorHandler(directory));
		// end::by-failure[]
	}

	static DeadLetterReplayResult replay(Path directory, MailslotTemplate template, Set<MailslotName> allowed,
			MailslotName orders) {
		// tag::replay[]
		DeadLetterReplayResult result = new DeadLetterDirectoryReplayer(directory, template, allowed::contains)
			.replay(orders, orders);
		// end::replay[]
		return result;
	}

}
