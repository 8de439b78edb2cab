package dev.mailslot.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotNameInUseException;
import dev.mailslot.SystemLimitException;
import dev.mailslot.TransportUnavailableException;
import dev.mailslot.spring.core.MailslotServerStartupException;

/**
 * Reports a mailslot server that could not be created at start-up: which property or
 * listener asked for it, why it failed, and what to change.
 */
class MailslotServerFailureAnalyzer extends AbstractFailureAnalyzer<MailslotServerStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MailslotServerStartupException failure) {
		MailslotException cause = failure.getCause();
		String source = failure.getSource();
		String description = "Mailslot " + failure.getMailslot() + " (" + source + ") could not be created:\n\n    "
				+ cause.getMessage();
		return new FailureAnalysis(description, action(source, cause), failure);
	}

	private static String action(String source, MailslotException cause) {
		String property = source.startsWith("mailslot.") ? source.replaceAll("\\.name$", "") : null;
		if (cause instanceof MailslotNameInUseException) {
			return "Stop the process that owns the mailslot, or give " + nameSetting(source, property)
					+ " another name. To wait for the name instead, set mailslot.server-defaults.on-name-in-use=wait "
					+ "(with mailslot.server-defaults.name-in-use-wait).";
		}
		if (cause instanceof InvalidMailslotNameException) {
			return "Correct " + nameSetting(source, property) + ": a mailslot name looks like \\\\.\\mailslot\\orders "
					+ "or just orders.";
		}
		if (cause instanceof SystemLimitException limit) {
			return limit.getRemedy() + ((property != null)
					? " Or ask for less in " + property + ".max-message-size or " + property + ".queue-capacity." : "");
		}
		if (cause instanceof TransportUnavailableException) {
			return "Set mailslot.transport to a transport that runs here.";
		}
		return "Check " + ((property != null) ? "the settings under " + property : source) + " and the message above.";
	}

	private static String nameSetting(String source, @Nullable String property) {
		return (property != null) ? property + ".name" : "the mailslot of the " + source;
	}

}
