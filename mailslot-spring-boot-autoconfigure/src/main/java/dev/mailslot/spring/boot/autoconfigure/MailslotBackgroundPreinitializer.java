package dev.mailslot.spring.boot.autoconfigure;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import dev.mailslot.MailslotException;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

/**
 * Loads, while Boot prepares the application, what the first mailslot and listener would
 * otherwise load on the main thread: the platform transport's native library (JNA takes about a
 * tenth of a second), spring-messaging's argument resolvers and converters, and the listener
 * container's classes. Boot runs it on a background
 * thread when the machine has more than one processor, unless
 * {@code spring.backgroundpreinitializer.ignore} is set.
 */
final class MailslotBackgroundPreinitializer implements BackgroundPreinitializer {

	@Override
	public void preinitialize() throws ClassNotFoundException {
		try {
			MailslotTransports.get(MailslotTransports.AUTO).preload();
		}
		catch (MailslotException | LinkageError ex) {
			// Creating a mailslot reports it, with the property to change.
		}
		new DefaultMessageHandlerMethodFactory().afterPropertiesSet();
		MailslotMessageConverters.create(StandardCharsets.UTF_8, null);
		RetryPolicy.builder().maxRetries(1).build();
		new SimpleAsyncTaskExecutor();
		Class.forName(MailslotListenerContainer.class.getName());
	}

}
