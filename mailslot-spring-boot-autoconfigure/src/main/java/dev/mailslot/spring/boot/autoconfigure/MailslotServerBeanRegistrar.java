package dev.mailslot.spring.boot.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

import dev.mailslot.MailslotServer;
import dev.mailslot.spring.core.MailslotServers;

/**
 * Registers a {@link MailslotServer} bean named {@code <id>MailslotServer} for each
 * configured server. The beans come from {@link MailslotServers}, which creates and
 * closes them: each definition names {@link MailslotServers#get(String)} as its factory
 * method, with the id as its argument, so that Spring AOT can generate it (the set of
 * servers is then fixed at build time, as AOT fixes the conditions).
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
		Set<String> ids = serverIds();
		if (ids.isEmpty()) {
			return;
		}
		String servers = serversBeanName((ListableBeanFactory) registry);
		for (String id : ids) {
			String beanName = id + BEAN_NAME_SUFFIX;
			if (registry.containsBeanDefinition(beanName)) {
				continue;
			}
			RootBeanDefinition definition = new RootBeanDefinition(MailslotServer.class);
			definition.setFactoryBeanName(servers);
			definition.setUniqueFactoryMethodName("get");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, id);
			definition.setDestroyMethodName("");
			registry.registerBeanDefinition(beanName, definition);
		}
	}

	/**
	 * Return the name of the one {@link MailslotServers} bean, Boot's or the
	 * application's.
	 */
	private static String serversBeanName(ListableBeanFactory beanFactory) {
		String[] names = beanFactory.getBeanNamesForType(MailslotServers.class, true, false);
		Assert.state(names.length == 1, () -> "The mailslot.servers beans need exactly one MailslotServers bean, "
				+ "and there are " + names.length + ": " + String.join(", ", names));
		return names[0];
	}

	/**
	 * Return the ids under {@code mailslot.servers}, binding each entry's values as plain
	 * strings: the converters of the full properties do not exist yet.
	 */
	private Set<String> serverIds() {
		Assert.state(this.environment != null, "no environment");
		Bindable<Map<String, Map<String, Object>>> entries = Bindable
			.of(ResolvableType.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class),
					ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class)));
		return new LinkedHashSet<>(Binder.get(this.environment)
			.bind(MailslotServerOptionsMapper.SERVERS_PREFIX, entries)
			.orElse(Map.of())
			.keySet());
	}

}
