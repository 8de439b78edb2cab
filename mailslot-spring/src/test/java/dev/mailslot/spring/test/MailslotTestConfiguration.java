package dev.mailslot.spring.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.validation.Validator;

import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.annotation.EnableMailslot;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.DeadLetterDirectoryErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;
import dev.mailslot.spring.listener.NonRetryableFailures;
import dev.mailslot.spring.listener.adapter.MailslotMessageHandlerMethodFactory;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;
import dev.mailslot.transport.unix.UnixMailslotTransport;

/**
 * The beans an application without Spring Boot declares beside {@link EnableMailslot}:
 * the transport, the servers, the message converter and template, the listener method
 * factory and the container factory. The tests set what differs with {@code test.*}
 * properties (each listed where it is read); what they leave unset keeps the defaults of
 * the container options and server options, not Boot's.
 */
@Configuration(proxyBeanMethods = false)
@EnableMailslot
public class MailslotTestConfiguration {

	private static final Pattern SERVER_NAME = Pattern.compile("test\\.servers\\.([\\w-]+)\\.name");

	/**
	 * The transport of {@code test.transport}, memory unless set; unix on the socket
	 * directory of {@code test.unix.directory} where set.
	 * @param environment the environment
	 * @return the transport
	 */
	@Bean
	MailslotTransport mailslotTransport(Environment environment) {
		String transport = environment.getProperty("test.transport", "memory");
		String unixDirectory = environment.getProperty("test.unix.directory");
		if (transport.equals("unix") && unixDirectory != null) {
			return UnixMailslotTransport.in(Path.of(unixDirectory));
		}
		return MailslotTransports.get(transport);
	}

	/**
	 * A server for each {@code test.servers.ID.name}, with
	 * {@code test.servers.ID.queue-capacity} and {@code test.servers.ID.hold-capacity}
	 * where set.
	 * @param transport the transport
	 * @param environment the environment
	 * @return the servers
	 */
	@Bean
	MailslotServers mailslotServers(MailslotTransport transport, ConfigurableEnvironment environment) {
		Map<String, MailslotServerOptions> configured = new LinkedHashMap<>();
		environment.getPropertySources().forEach((source) -> {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String property : enumerable.getPropertyNames()) {
					Matcher server = SERVER_NAME.matcher(property);
					if (server.matches()) {
						configured.put(server.group(1), serverOptions(server.group(1), environment));
					}
				}
			}
		});
		return new MailslotServers(transport, configured, (name) -> MailslotServerOptions.builder(name).build(),
				Duration.ZERO, "test.servers");
	}

	private static MailslotServerOptions serverOptions(String id, Environment environment) {
		String prefix = "test.servers." + id + ".";
		MailslotServerOptions.Builder options = MailslotServerOptions
			.builder(environment.getRequiredProperty(prefix + "name"));
		Integer queueCapacity = environment.getProperty(prefix + "queue-capacity", Integer.class);
		if (queueCapacity != null) {
			options.queueCapacity(queueCapacity);
		}
		Integer holdCapacity = environment.getProperty(prefix + "hold-capacity", Integer.class);
		if (holdCapacity != null) {
			options.holdCapacity(holdCapacity);
		}
		return options.build();
	}

	@Bean
	MessageConverter mailslotMessageConverter() {
		return MailslotMessageConverters.create(StandardCharsets.UTF_8, null);
	}

	@Bean
	MailslotTemplate mailslotTemplate(MailslotTransport transport, MailslotServers servers,
			MessageConverter mailslotMessageConverter) {
		return new MailslotTemplate(transport, servers, mailslotMessageConverter);
	}

	/**
	 * The factory of listener methods, validating {@code @Valid} payloads when the
	 * context has a validator.
	 * @param mailslotMessageConverter the converter
	 * @param validator the validator, if any
	 * @return the factory
	 */
	@Bean
	MessageHandlerMethodFactory mailslotMessageHandlerMethodFactory(MessageConverter mailslotMessageConverter,
			ObjectProvider<Validator> validator) {
		MailslotMessageHandlerMethodFactory factory = new MailslotMessageHandlerMethodFactory();
		factory.setMessageConverter(mailslotMessageConverter);
		validator.ifUnique(factory::setValidator);
		return factory;
	}

	/**
	 * The default container factory, whose options the tests set with
	 * {@code test.listener.*}: {@code concurrency}, {@code poll-timeout},
	 * {@code shutdown-timeout}, {@code batch.max-size}, {@code batch.max-wait},
	 * {@code idle-event-interval}, {@code type} ({@code batch} for batch listeners),
	 * {@code retry.max-retries} (0 unless set), {@code retry.delay},
	 * {@code retry.multiplier}, {@code retry.max-delay} and
	 * {@code dead-letter.directory}.
	 * @param servers the servers
	 * @param mailslotMessageHandlerMethodFactory the factory of listener methods
	 * @param template the template that writes replies
	 * @param environment the environment
	 * @return the container factory
	 */
	@Bean
	MailslotListenerContainerFactory mailslotListenerContainerFactory(MailslotServers servers,
			MessageHandlerMethodFactory mailslotMessageHandlerMethodFactory, MailslotTemplate template,
			Environment environment) {
		MailslotListenerContainerFactory factory = new MailslotListenerContainerFactory(servers,
				mailslotMessageHandlerMethodFactory);
		factory.setReplyTemplate(template);
		factory.setBatchListener("batch".equals(environment.getProperty("test.listener.type")));
		factory.setContainerOptions(containerOptions(environment));
		return factory;
	}

	private static MailslotListenerContainerOptions containerOptions(Environment environment) {
		MailslotListenerContainerOptions.Builder options = MailslotListenerContainerOptions.builder();
		set(environment, "concurrency", Integer::valueOf, options::concurrency);
		set(environment, "poll-timeout", DurationFormatterUtils::detectAndParse, options::pollTimeout);
		set(environment, "shutdown-timeout", DurationFormatterUtils::detectAndParse, options::shutdownTimeout);
		set(environment, "batch.max-size", Integer::valueOf, options::maxBatchSize);
		set(environment, "batch.max-wait", DurationFormatterUtils::detectAndParse, options::maxBatchWait);
		set(environment, "idle-event-interval", DurationFormatterUtils::detectAndParse, options::idleEventInterval);
		RetryPolicy.Builder retry = RetryPolicy.builder()
			.maxRetries(environment.getProperty("test.listener.retry.max-retries", Long.class, 0L))
			.predicate(NonRetryableFailures::isRetryable);
		set(environment, "retry.delay", DurationFormatterUtils::detectAndParse, retry::delay);
		set(environment, "retry.multiplier", Double::valueOf, retry::multiplier);
		set(environment, "retry.max-delay", DurationFormatterUtils::detectAndParse, retry::maxDelay);
		options.retryPolicy(retry.build());
		String directory = environment.getProperty("test.listener.dead-letter.directory");
		if (directory != null) {
			DeadLetterDirectoryErrorHandler deadLetters = new DeadLetterDirectoryErrorHandler(Path.of(directory));
			deadLetters.checkDirectory();
			options.errorHandler(deadLetters);
		}
		return options.build();
	}

	private static <T> void set(Environment environment, String option, Function<String, T> parser,
			Consumer<T> setter) {
		String value = environment.getProperty("test.listener." + option);
		if (value != null) {
			setter.accept(parser.apply(value));
		}
	}

}
