package dev.mailslot.spring.config;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.Assert;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;
import dev.mailslot.spring.listener.adapter.PerMessageReplyTargets;

/**
 * Creates a {@link MailslotListenerContainer} for each listener endpoint, with the
 * {@link MailslotListenerContainerOptions container options} it holds; an endpoint may
 * override the concurrency, auto-startup and error handler, whether it takes batches, and
 * the {@link ContainerOptionOverrides options it sets for itself} (batch size and wait,
 * shutdown timeout, retries).
 */
public class MailslotListenerContainerFactory implements BeanFactoryAware, ApplicationEventPublisherAware {

	private final MailslotServers servers;

	private final MessageHandlerMethodFactory messageHandlerMethodFactory;

	private @Nullable BeanFactory beanFactory;

	private MailslotListenerContainerOptions containerOptions = MailslotListenerContainerOptions.defaults();

	private @Nullable MailslotTemplate replyTemplate;

	private PerMessageReplyTargets perMessageReplyTargets = PerMessageReplyTargets.localOnly();

	private boolean batchListener;

	private @Nullable ApplicationEventPublisher applicationEventPublisher;

	/**
	 * Create a factory with the default container options.
	 * @param servers where endpoints' mailslots are resolved
	 * @param messageHandlerMethodFactory what resolves listener method arguments
	 */
	public MailslotListenerContainerFactory(MailslotServers servers,
			MessageHandlerMethodFactory messageHandlerMethodFactory) {
		this.servers = servers;
		this.messageHandlerMethodFactory = messageHandlerMethodFactory;
	}

	/**
	 * Set the bean factory where error handlers named by endpoints are found; a factory
	 * that is a bean gets its own.
	 * @param beanFactory the bean factory
	 */
	@Override
	public void setBeanFactory(@Nullable BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Set what publishes the events of the containers this factory creates; a factory
	 * that is a bean gets the application context. Without one, containers publish
	 * nothing.
	 * @param applicationEventPublisher the publisher
	 */
	@Override
	public void setApplicationEventPublisher(@Nullable ApplicationEventPublisher applicationEventPublisher) {
		this.applicationEventPublisher = applicationEventPublisher;
	}

	/**
	 * Set the options of the containers this factory creates.
	 * @param containerOptions the options
	 */
	public void setContainerOptions(MailslotListenerContainerOptions containerOptions) {
		this.containerOptions = containerOptions;
	}

	public MailslotListenerContainerOptions getContainerOptions() {
		return this.containerOptions;
	}

	public MailslotServers getServers() {
		return this.servers;
	}

	/**
	 * Set the template that writes the replies of {@code @SendTo} listeners whose
	 * endpoint has none.
	 * @param replyTemplate the template
	 */
	public void setReplyTemplate(@Nullable MailslotTemplate replyTemplate) {
		this.replyTemplate = replyTemplate;
	}

	/**
	 * Set which mailslots the reply targets that {@code @SendTo("!{...}")} computes from
	 * each message may name: by default mailslots on this host only.
	 * @param perMessageReplyTargets the targets
	 */
	public void setPerMessageReplyTargets(PerMessageReplyTargets perMessageReplyTargets) {
		this.perMessageReplyTargets = perMessageReplyTargets;
	}

	/**
	 * Set whether listeners take messages in batches unless their endpoint says
	 * otherwise.
	 * @param batchListener whether listeners take batches by default
	 */
	public void setBatchListener(boolean batchListener) {
		this.batchListener = batchListener;
	}

	public boolean isBatchListener() {
		return this.batchListener;
	}

	/**
	 * Create the container of an endpoint.
	 * @param endpoint the endpoint
	 * @return the container, not started
	 */
	public MailslotListenerContainer createContainer(MailslotListenerEndpoint endpoint) {
		if (endpoint instanceof MethodMailslotListenerEndpoint methodEndpoint) {
			configureReplies(methodEndpoint);
		}
		MailslotServer server = this.servers.resolve(endpoint.getMailslot(), endpoint.describe());
		Boolean batch = endpoint.getBatchListener();
		MailslotListenerContainer container = ((batch != null) ? batch : this.batchListener)
				? MailslotListenerContainer.forBatches(endpoint.getId(), server, this.servers.idOf(server),
						endpoint.createBatchMessageListener(this.messageHandlerMethodFactory),
						containerOptions(endpoint))
				: new MailslotListenerContainer(endpoint.getId(), server, this.servers.idOf(server),
						endpoint.createMessageListener(this.messageHandlerMethodFactory), containerOptions(endpoint));
		container.setApplicationEventPublisher(this.applicationEventPublisher);
		return container;
	}

	private void configureReplies(MethodMailslotListenerEndpoint endpoint) {
		if (endpoint.getReplyDestination() != null && endpoint.getReplyTemplate() == null) {
			endpoint.setReplyTemplate(this.replyTemplate);
		}
		if (endpoint.getPerMessageReplyTargets() == null) {
			endpoint.setPerMessageReplyTargets(this.perMessageReplyTargets);
		}
		endpoint.setBeanFactory(this.beanFactory);
	}

	private MailslotListenerContainerOptions containerOptions(MailslotListenerEndpoint endpoint) {
		ContainerOptionOverrides overrides = endpoint.getOptionOverrides();
		if (endpoint.getConcurrency() == null && endpoint.getAutoStartup() == null && endpoint.getErrorHandler() == null
				&& overrides.isEmpty()) {
			return this.containerOptions;
		}
		MailslotListenerContainerOptions.Builder options = this.containerOptions.toBuilder();
		if (endpoint.getConcurrency() != null) {
			options.concurrency(endpoint.getConcurrency());
		}
		if (endpoint.getAutoStartup() != null) {
			options.autoStartup(endpoint.getAutoStartup());
		}
		if (endpoint.getErrorHandler() != null) {
			Assert.state(this.beanFactory != null, "An error handler bean is named but there is no bean factory");
			options.errorHandler(this.beanFactory.getBean(endpoint.getErrorHandler(), MailslotErrorHandler.class));
		}
		overrides.applyTo(this.containerOptions, options, endpoint.describe());
		return options.build();
	}

}
