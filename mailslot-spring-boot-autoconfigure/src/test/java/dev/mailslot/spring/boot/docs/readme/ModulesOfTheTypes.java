package dev.mailslot.spring.boot.docs.readme;

import java.util.List;

// tag::imports[]
import dev.mailslot.spring.annotation.MailslotListener;   // mailslot-spring
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.MailslotServer;                      // mailslot-core
// end::imports[]

/**
 * The types whose packages the README lists, by the module it says each comes from.
 */
final class ModulesOfTheTypes {

	static final List<Class<?>> MAILSLOT_SPRING = List.of(MailslotListener.class, MailslotTemplate.class,
			MailslotHeaders.class);

	static final List<Class<?>> MAILSLOT_CORE = List.of(MailslotServer.class);

	private ModulesOfTheTypes() {
	}

}
