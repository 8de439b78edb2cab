package dev.mailslot.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.messaging.converter.MessageConverter;
import tools.jackson.databind.json.JsonMapper;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotNetwork;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.DeadLetterDirectoryErrorHandler;
import dev.mailslot.spring.listener.DeadLetterDirectoryReplayer;
import dev.mailslot.spring.listener.DeadLetterMailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;
import dev.mailslot.transport.posix.PosixQueueBudget;

/**
 * Auto-configuration for mailslots: the transport, the servers of
 * {@code mailslot.servers}, the template, and {@code @MailslotListener} support.
 */
@AutoConfiguration
@EnableConfigurationProperties({ MailslotProperties.class, MailslotNetworkProperties.class })
@Import({ MailslotNetworkConfiguration.class, MailslotNetworkTransportConfiguration.class,
		MailslotAnnotationDrivenConfiguration.class })
public final class MailslotAutoConfiguration {

	private static final String POSIX = "posix";

	@Bean
	@ConfigurationPropertiesBinding
	static ReadTimeoutConverter mailslotReadTimeoutConverter() {
		return new ReadTimeoutConverter();
	}

	@Bean
	static MailslotServerBeanRegistrar mailslotServerBeanRegistrar() {
		return new MailslotServerBeanRegistrar();
	}

	@Bean
	@ConditionalOnMissingBean
	MailslotTransport mailslotTransport(MailslotProperties properties) {
		return MailslotServerOptionsMapper.unixDirectory(MailslotTransports.get(properties.getTransport()),
				properties.getUnix());
	}

	@Bean
	@ConditionalOnMissingBean
	MailslotServers mailslotServers(MailslotTransport transport, MailslotProperties properties,
			ConfigurableListableBeanFactory beanFactory, Environment environment) {
		MailslotServerOptionsMapper.applyPosixHoldMemory(properties.getPosix());
		MailslotProperties.ServerDefaults defaults = properties.getServerDefaults();
		Map<String, MailslotServerOptions> configured = MailslotServerOptionsMapper.map(properties, transport.id());
		Function<MailslotName, MailslotServerOptions> serverDefaults = MailslotServerOptionsMapper.defaults(properties,
				transport.id());
		if (POSIX.equals(transport.id())) {
			PosixQueuePlan plan = PosixQueuePlan.plan(PosixQueueBudget.current(), configured,
					ListenerMailslots.find(beanFactory, environment), serverDefaults);
			configured = plan.configured();
			serverDefaults = plan.defaults();
		}
		return new MailslotServers(transport, configured, serverDefaults,
				(defaults.getOnNameInUse() == MailslotProperties.NameInUse.WAIT) ? defaults.getNameInUseWait()
						: Duration.ZERO,
				MailslotServerOptionsMapper.SERVERS_PREFIX);
	}

	@Bean
	@ConditionalOnMissingBean(name = "mailslotMessageConverter")
	MessageConverter mailslotMessageConverter(MailslotProperties properties,
			ObjectProvider<MailslotJsonMapper> jsonMapper) {
		MailslotJsonMapper mapper = jsonMapper.getIfAvailable();
		return MailslotMessageConverters.create(MailslotServerOptionsMapper.textConverter(properties),
				(mapper != null) ? mapper.jsonMapper() : null);
	}

	@Bean
	@ConditionalOnMissingBean
	MailslotTemplate mailslotTemplate(MailslotTransport transport, MailslotServers servers,
			MailslotProperties properties,
			@Qualifier("mailslotMessageConverter") MessageConverter mailslotMessageConverter,
			ObjectProvider<MailslotNetwork> network, ObjectProvider<MailslotListenerEndpointRegistry> registry) {
		MailslotTemplate template = new MailslotTemplate(transport, servers, mailslotMessageConverter);
		template.setWriteTimeout(properties.getTemplate().getWriteTimeout());
		template.setReaders((mailslot) -> {
			MailslotListenerEndpointRegistry listeners = registry.getIfAvailable();
			MailslotListenerContainer container = (listeners != null) ? listeners.getListenerContainer(mailslot) : null;
			return (container != null && container.isRunning()) ? container.getId() : null;
		});
		network.ifAvailable((running) -> template.setRemoteTransport(running.getTransport()));
		return template;
	}

	@Bean
	@ConditionalOnMissingBean(name = "mailslotErrorHandler")
	MailslotErrorHandler mailslotErrorHandler(MailslotProperties properties, MailslotTemplate template,
			ObjectProvider<MailslotListenerEndpointRegistry> registry) {
		MailslotProperties.DeadLetter deadLetter = properties.getListener().getDeadLetter();
		DeadLetterDirectoryErrorHandler directory = new DeadLetterDirectoryErrorHandler(deadLetter.getDirectory());
		try {
			directory.checkDirectory();
		}
		catch (IllegalStateException ex) {
			throw new InvalidConfigurationPropertyValueException("mailslot.listener.dead-letter.directory",
					directory.getDirectory(), ex.getMessage());
		}
		String mailslot = deadLetter.getMailslot();
		if (mailslot == null) {
			return directory;
		}
		DeadLetterMailslotErrorHandler handler = new DeadLetterMailslotErrorHandler(template,
				checkTarget(template, mailslot, "mailslot.listener.dead-letter.mailslot"), directory);
		setListenerIds(handler, registry);
		return handler;
	}

	// JDK-8225377: Java 17's javac does not read the @Nullable type argument of
	// setListenerIds' Function
	// from mailslot-spring's class file; on Java 22 and later NullAway accepts this
	// method as it is.
	@SuppressWarnings("NullAway")
	private static void setListenerIds(DeadLetterMailslotErrorHandler handler,
			ObjectProvider<MailslotListenerEndpointRegistry> registry) {
		handler.setListenerIds((name) -> {
			MailslotListenerEndpointRegistry listeners = registry.getIfAvailable();
			MailslotListenerContainer container = (listeners != null) ? listeners.getListenerContainer(name) : null;
			return (container != null) ? container.getId() : null;
		});
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetterDirectoryReplayer mailslotDeadLetterReplayer(MailslotProperties properties, MailslotTemplate template,
			MailslotServers servers) {
		MailslotProperties.DeadLetter deadLetter = properties.getListener().getDeadLetter();
		Set<MailslotName> allowed = new HashSet<>();
		for (String target : deadLetter.getReplayTargets()) {
			allowed.add(checkTarget(template, target, "mailslot.listener.dead-letter.replay-targets"));
		}
		return new DeadLetterDirectoryReplayer(deadLetter.getDirectory(), template, (target) -> allowed.contains(target)
				|| servers.getServers().values().stream().anyMatch((server) -> server.name().equals(target)));
	}

	static MailslotName checkTarget(MailslotTemplate template, String target, String property) {
		try {
			return template.checkTarget(target);
		}
		catch (InvalidMailslotNameException ex) {
			throw new InvalidConfigurationPropertyValueException(property, target,
					ex.getMessage() + ". Give the id of a server of mailslot.servers or a mailslot name such as "
							+ "\\\\.\\mailslot\\dead-letters");
		}
	}

	/**
	 * Hands Boot's Jackson 3 mapper, where there is one, to the message converter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class JacksonConfiguration {

		@Bean
		MailslotJsonMapper mailslotJsonMapper(ObjectProvider<JsonMapper> jsonMapper) {
			return new MailslotJsonMapper(jsonMapper.getIfUnique());
		}

	}

	/**
	 * Holds the application's JSON mapper, or {@code null}, behind a type that loads
	 * without Jackson.
	 *
	 * @param jsonMapper the JSON mapper, or {@code null}
	 */
	record MailslotJsonMapper(@Nullable Object jsonMapper) {

	}

}
