package dev.mailslot.spring.boot.autoconfigure.integration;

import java.util.Arrays;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextException;
import org.springframework.util.ClassUtils;

/**
 * Refuses {@code IntegrationFlow} beans that nothing would start: without Spring
 * Integration's infrastructure, which {@code @EnableIntegration} registers (Boot's
 * {@code spring-boot-starter-integration} does so), a flow is a bean like any other, and
 * its mailslot adapter never reads.
 */
final class MailslotIntegrationInfrastructureCheck implements BeanFactoryPostProcessor {

	static final String INTEGRATION_FLOW = "org.springframework.integration.dsl.IntegrationFlow";

	/**
	 * The bean that {@code @EnableIntegration} registers
	 * ({@code IntegrationContextUtils}).
	 */
	static final String INFRASTRUCTURE_BEAN = "integrationConfigurationBeanFactoryPostProcessor";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		if (beanFactory.containsBeanDefinition(INFRASTRUCTURE_BEAN)) {
			return;
		}
		Class<?> flowType = ClassUtils.resolveClassName(INTEGRATION_FLOW, beanFactory.getBeanClassLoader());
		String[] flows = beanFactory.getBeanNamesForType(flowType, true, false);
		if (flows.length > 0) {
			throw new ApplicationContextException("The IntegrationFlow bean(s) " + Arrays.toString(flows)
					+ " would never start: Spring Integration's infrastructure is missing, so their mailslot "
					+ "adapters would never read, and what waits in their mailslots would be deleted at shutdown. "
					+ "Add the dependency org.springframework.boot:spring-boot-starter-integration, or put "
					+ "@EnableIntegration on a configuration class");
		}
	}

}
