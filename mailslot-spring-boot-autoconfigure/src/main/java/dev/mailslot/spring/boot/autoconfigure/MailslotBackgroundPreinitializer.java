package dev.mailslot.spring.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotTransports;

/**
 * Loads, while Boot prepares the application, what the first mailslot and listener would
 * otherwise load on the main thread: the native library of the platform's default
 * transport (on Linux, JNA and the posix calls, about a tenth of a second; getting the
 * win32 transport binds kernel32), and spring-messaging's argument resolvers. It does so
 * whatever {@code mailslot.transport} says, which it cannot read. Boot runs it on a
 * background thread when the machine has more than one processor, unless
 * {@code spring.backgroundpreinitializer.ignore} is set.
 */
final class MailslotBackgroundPreinitializer implements BackgroundPreinitializer {

	private static final Log logger = LogFactory.getLog(MailslotBackgroundPreinitializer.class);

	@Override
	public void preinitialize() {
		try {
			MailslotTransports.get(MailslotTransports.AUTO).preload();
		}
		catch (MailslotException ex) {
			// Creating a mailslot reports it, with the property to change.
		}
		catch (LinkageError ex) {
			logger.warn("Cannot load the native library of the platform's mailslot transport; its first mailslot "
					+ "will fail with only 'Could not initialize class'. The cause:", ex);
		}
		new DefaultMessageHandlerMethodFactory().afterPropertiesSet();
	}

}
