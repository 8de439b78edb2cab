package dev.mailslot.spring.config;

import java.time.Duration;
import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.Assert;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainer;
import dev.mailslot.spring.listener.adapter.MessagingMessageListenerAdapter;
import dev.mailslot.spring.support.observation.MailslotListenerObservationConvention;

/**
 * Creates a {@link MailslotListenerContainer} for each listener endpoint, with defaults that an
 * endpoint may override (concurrency, auto-startup, error handler).
 */
public class MailslotListenerContainerFactory {

	private final MailslotServers servers;

	private final MessageHandlerMethodFactory messageHandlerMethodFactory;

	private @Nullable BeanFactory beanFactory;

	private MailslotErrorHandler errorHandler;

	private RetryPolicy retryPolicy = RetryPolicy.withMaxRetries(0);

	private Executor taskExecutor = new SimpleAsyncTaskExecutor("mailslot-dispatch-");

	private int concurrency = 1;

	private boolean autoStartup = true;

	private Duration pollTimeout = Duration.ofSeconds(1);

	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable MailslotListenerObservationConvention observationConvention;

	/**
	 * Create a factory.
	 * @param servers where endpoints' mailslots are resolved
	 * @param messageHandlerMethodFactory what resolves listener method arguments
	 * @param errorHandler the default error handler
	 */
	public MailslotListenerContainerFactory(MailslotServers servers,
			MessageHandlerMethodFactory messageHandlerMethodFactory, MailslotErrorHandler errorHandler) {
		this.servers = servers;
		this.messageHandlerMethodFactory = messageHandlerMethodFactory;
		this.errorHandler = errorHandler;
	}

	public void setBeanFactory(@Nullable BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	public void setErrorHandler(MailslotErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	public void setRetryPolicy(RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
	}

	public void setTaskExecutor(Executor taskExecutor) {
		this.taskExecutor = taskExecutor;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public void setPollTimeout(Duration pollTimeout) {
		this.pollTimeout = pollTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	public void setObservationConvention(@Nullable MailslotListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	public MailslotServers getServers() {
		return this.servers;
	}

	/**
	 * Create the container of an endpoint.
	 * @param endpoint the endpoint
	 * @return the container, not started
	 */
	public MailslotListenerContainer createContainer(MailslotListenerEndpoint endpoint) {
		MailslotServer server = this.servers.resolve(endpoint.mailslot(),
				"@MailslotListener on " + endpoint.describeMethod());
		MessagingMessageListenerAdapter listener = new MessagingMessageListenerAdapter(
				this.messageHandlerMethodFactory.createInvocableHandlerMethod(endpoint.bean(), endpoint.method()));
		MailslotListenerContainer container = new MailslotListenerContainer(endpoint.id(), server,
				this.servers.idOf(server), listener);
		container.setErrorHandler(errorHandler(endpoint));
		container.setRetryPolicy(this.retryPolicy);
		container.setTaskExecutor(this.taskExecutor);
		container.setConcurrency((endpoint.concurrency() != null) ? endpoint.concurrency() : this.concurrency);
		container.setAutoStartup((endpoint.autoStartup() != null) ? endpoint.autoStartup() : this.autoStartup);
		container.setPollTimeout(this.pollTimeout);
		container.setShutdownTimeout(this.shutdownTimeout);
		container.setObservationRegistry(this.observationRegistry);
		container.setObservationConvention(this.observationConvention);
		return container;
	}

	private MailslotErrorHandler errorHandler(MailslotListenerEndpoint endpoint) {
		if (endpoint.errorHandler() == null) {
			return this.errorHandler;
		}
		Assert.state(this.beanFactory != null, "An error handler bean is named but there is no bean factory");
		return this.beanFactory.getBean(endpoint.errorHandler(), MailslotErrorHandler.class);
	}

}
