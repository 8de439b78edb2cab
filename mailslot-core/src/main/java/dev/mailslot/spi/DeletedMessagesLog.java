package dev.mailslot.spi;

import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.time.Instant;

import dev.mailslot.MailslotName;

/**
 * Says how many messages a closing server deletes, also when it closes in a shutdown
 * hook. There, a {@code System.Logger} backed by {@code java.util.logging} may already
 * have lost its handlers (the JDK resets them in a shutdown hook of its own, which runs
 * beside the application's), and the line would go nowhere: then it goes to
 * {@code System.err}, as the JDK's console handler prints it. A {@code System.Logger}
 * backed by another logging system (SLF4J's, which the starter brings) is used as it is.
 */
public final class DeletedMessagesLog {

	private static final String JUL_FINDER = "sun.util.logging.internal.LoggingProviderImpl";

	private static final String MESSAGE = "Closing mailslot {0} deletes the {1} message(s) nobody read from it";

	private DeletedMessagesLog() {
	}

	/**
	 * Warn that a closing server deletes messages, if it deletes any.
	 * @param logger the server's logger
	 * @param name the mailslot's name
	 * @param count how many messages it deletes
	 */
	public static void warn(System.Logger logger, MailslotName name, int count) {
		if (count <= 0) {
			return;
		}
		if (isShuttingDown() && loggedThroughJavaUtilLogging()) {
			System.err.println(
					Instant.now() + " WARNING " + logger.getName() + ": " + MessageFormat.format(MESSAGE, name, count));
			System.err.flush();
			return;
		}
		logger.log(Level.WARNING, MESSAGE, name, count);
	}

	private static boolean loggedThroughJavaUtilLogging() {
		return System.LoggerFinder.getLoggerFinder().getClass().getName().equals(JUL_FINDER);
	}

	private static boolean isShuttingDown() {
		Thread probe = new Thread(() -> {
		});
		try {
			Runtime.getRuntime().addShutdownHook(probe);
			Runtime.getRuntime().removeShutdownHook(probe);
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

}
