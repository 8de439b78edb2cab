package dev.mailslot.spring.boot.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.core.MailslotServers;

/**
 * Registers a {@link MailslotServer} bean named {@code <id>MailslotServer} for each configured
 * server. The beans come from {@link MailslotServers}, which creates and closes them.
 */
class MailslotServerBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	static final String BEAN_NAME_SUFFIX = "MailslotServer";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		BeanFactory beanFactory = (BeanFactory) registry;
		for (String id : serverIds()) {
			String beanName = id + BEAN_NAME_SUFFIX;
			if (registry.containsBeanDefinition(beanName)) {
				continue;
			}
			RootBeanDefinition definition = new RootBeanDefinition(MailslotServer.class,
					() -> beanFactory.getBean(MailslotServers.class).get(id));
			definition.setDestroyMethodName("");
			registry.registerBeanDefinition(beanName, definition);
		}
	}

	private Set<String> serverIds() {
		Assert.state(this.environment != null, "no environment");
		Map<String, String> flat = Binder.get(this.environment)
			.bind(MailslotServerOptionsMapper.SERVERS_PREFIX, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		Set<String> ids = new LinkedHashSet<>();
		for (String key : flat.keySet()) {
			int dot = key.indexOf('.');
			ids.add((dot > 0) ? key.substring(0, dot) : key);
		}
		return ids;
	}

}
