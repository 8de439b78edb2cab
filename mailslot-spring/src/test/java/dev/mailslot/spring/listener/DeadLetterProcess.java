package dev.mailslot.spring.listener;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.spring.support.MailslotHeaders;

/**
 * A second JVM that dead-letters messages as whatever uid it runs as, for
 * {@link DeadLetterDirectoryErrorHandlerTests}: two messages to a directory it creates, a
 * start-up check of that directory once it exists, and a start-up check of a directory
 * another uid owns. Prints one line per step.
 * <p>
 * Arguments: the directory to create, the directory of another uid.
 */
public final class DeadLetterProcess {

	private DeadLetterProcess() {
	}

	public static void main(String[] args) {
		System.out.println("user.name=" + System.getProperty("user.name"));
		Path own = Path.of(args[0]);
		for (String text : new String[] { "first", "second" }) {
			new DeadLetterDirectoryErrorHandler(own)
				.handleError(MessageBuilder.withPayload(text.getBytes(StandardCharsets.UTF_8))
					.setHeader(MailslotHeaders.MAILSLOT, "\\\\.\\mailslot\\orders")
					.build(), new IllegalStateException("boom"), 1);
		}
		System.out.println("own directory at start-up: " + check(own));
		System.out.println("other uid's directory at start-up: " + check(Path.of(args[1])));
	}

	private static String check(Path directory) {
		try {
			new DeadLetterDirectoryErrorHandler(directory).checkDirectory();
			return "accepted";
		}
		catch (IllegalStateException ex) {
			return "refused: " + ex.getMessage();
		}
	}

}
