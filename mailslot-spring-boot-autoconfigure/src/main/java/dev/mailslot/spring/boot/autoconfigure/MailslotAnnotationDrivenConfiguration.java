package dev.mailslot.spring.boot.autoconfigure;

import java.util.List;
import java.util.Locale;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.validation.Validator;

import dev.mailslot.spring.annotation.EnableMailslot;
import dev.mailslot.spring.annotation.MailslotBootstrapConfiguration;
import dev.mailslot.spring.annotation.MailslotListenerAnnotationBeanPostProcessor;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.adapter.MailslotMessageHandlerMethodFactory;
import dev.mailslot.spring.listener.adapter.PerMessageReplyTargets;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

/**
 * {@code @MailslotListener} support: the container factory from
 * {@code mailslot.listener.*}, dispatching on virtual threads when
 * {@code spring.threads.virtual.enabled} is set on Java 21+.
 */
@Configuration(proxyBeanMethods = false)
class MailslotAnnotationDrivenConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnThreading(Threading.PLATFORM)
	MailslotListenerContainerFactoryConfigurer mailslotListenerContainerFactoryConfigurer(MailslotProperties properties,
			@Qualifier("mailslotErrorHandler") MailslotErrorHandler errorHandler,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<MailslotListenerObservationConvention> observationConvention) {
		return configurer(properties, new SimpleAsyncTaskExecutor("mailslot-dispatch-"), errorHandler,
				observationRegistry, observationConvention);
	}

	@Bean(name = "mailslotListenerContainerFactoryConfigurer")
	@ConditionalOnMissingBean
	@ConditionalOnThreading(Threading.VIRTUAL)
	MailslotListenerContainerFactoryConfigurer mailslotListenerContainerFactoryConfigurerVirtualThreads(
			MailslotProperties properties, @Qualifier("mailslotErrorHandler") MailslotErrorHandler errorHandler,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<MailslotListenerObservationConvention> observationConvention) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("mailslot-dispatch-");
		executor.setVirtualThreads(true);
		return configurer(properties, executor, errorHandler, observationRegistry, observationConvention);
	}

	private static MailslotListenerContainerFactoryConfigurer configurer(MailslotProperties properties,
			SimpleAsyncTaskExecutor executor, MailslotErrorHandler errorHandler,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<MailslotListenerObservationConvention> observationConvention) {
		MailslotListenerContainerFactoryConfigurer configurer = new MailslotListenerContainerFactoryConfigurer(
				properties.getListener(), executor);
		configurer.setErrorHandler(errorHandler);
		configurer.setObservationRegistry(observationRegistry.getIfUnique());
		configurer.setObservationConvention(observationConvention.getIfUnique());
		return configurer;
	}

	@Bean
	@ConditionalOnMissingBean(name = "mailslotMessageHandlerMethodFactory")
	MessageHandlerMethodFactory mailslotMessageHandlerMethodFactory(
			@Qualifier("mailslotMessageConverter") MessageConverter mailslotMessageConverter,
			ObjectProvider<Validator> validators, BeanFactory beanFactory) {
		MailslotMessageHandlerMethodFactory factory = new MailslotMessageHandlerMethodFactory();
		factory.setMessageConverter(mailslotMessageConverter);
		factory.setBeanFactory(beanFactory);
		Validator validator = validators.getIfUnique(() -> beanFactory.containsBean("defaultValidator")
				? beanFactory.getBean("defaultValidator", Validator.class) : null);
		if (validator != null) {
			factory.setValidator(validator);
		}
		return factory;
	}

	@Bean(name = MailslotListenerAnnotationBeanPostProcessor.CONTAINER_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean(name = MailslotListenerAnnotationBeanPostProcessor.CONTAINER_FACTORY_BEAN_NAME)
	MailslotListenerContainerFactory mailslotListenerContainerFactory(
			MailslotListenerContainerFactoryConfigurer configurer, MailslotServers servers,
			@Qualifier("mailslotMessageHandlerMethodFactory") MessageHandlerMethodFactory mailslotMessageHandlerMethodFactory,
			ObjectProvider<MailslotTemplate> replyTemplate, BeanFactory beanFactory, MailslotProperties properties,
			MailslotNetworkProperties network) {
		MailslotListenerContainerFactory factory = new MailslotListenerContainerFactory(servers,
				mailslotMessageHandlerMethodFactory);
		factory.setBeanFactory(beanFactory);
		factory.setReplyTemplate(replyTemplate.getIfUnique());
		factory.setPerMessageReplyTargets(perMessageReplyTargets(properties, network));
		configurer.configure(factory);
		return factory;
	}

	/**
	 * Return the per-message reply targets that
	 * {@code mailslot.listener.reply.per-message-targets} allows, counting the network
	 * transport's workgroup as a broadcast.
	 */
	static PerMessageReplyTargets perMessageReplyTargets(MailslotProperties properties,
			MailslotNetworkProperties network) {
		return PerMessageReplyTargets.allowing(properties.getListener().getReply().getPerMessageTargets(),
				List.of(network.getWorkgroup()), (needed) -> "to allow it, set "
						+ "mailslot.listener.reply.per-message-targets=" + needed.name().toLowerCase(Locale.ROOT));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMailslot
	@ConditionalOnMissingBean(name = MailslotBootstrapConfiguration.ANNOTATION_PROCESSOR_BEAN_NAME)
	static class EnableMailslotConfiguration {

	}

}
