package dev.mailslot.spring.annotation;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;

/**
 * Registers the bean post-processor that finds {@link MailslotListener} methods and the
 * registry of their containers.
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public class MailslotBootstrapConfiguration {

	/** Bean name of the post-processor. */
	public static final String ANNOTATION_PROCESSOR_BEAN_NAME = "dev.mailslot.spring.annotation.internalMailslotListenerAnnotationProcessor";

	/** Bean name of the endpoint registry. */
	public static final String ENDPOINT_REGISTRY_BEAN_NAME = "mailslotListenerEndpointRegistry";

	@Bean(name = ANNOTATION_PROCESSOR_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static MailslotListenerAnnotationBeanPostProcessor mailslotListenerAnnotationBeanPostProcessor() {
		return new MailslotListenerAnnotationBeanPostProcessor();
	}

	@Bean(name = ENDPOINT_REGISTRY_BEAN_NAME)
	MailslotListenerEndpointRegistry mailslotListenerEndpointRegistry() {
		return new MailslotListenerEndpointRegistry();
	}

}
