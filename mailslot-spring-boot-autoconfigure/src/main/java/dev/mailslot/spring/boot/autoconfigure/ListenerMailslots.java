package dev.mailslot.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.PropertyPlaceholderHelper;

import dev.mailslot.spring.annotation.MailslotListener;

/**
 * Finds the mailslots that the {@link MailslotListener} methods of the application's
 * beans name, from the bean definitions and before any of those beans exists, so that the
 * queues of the servers created for them can be planned with the configured ones.
 * Placeholders are resolved as the listeners resolve them; an expression counts as a
 * mailslot of its own.
 */
final class ListenerMailslots {

	private static final PropertyPlaceholderHelper placeholders = new PropertyPlaceholderHelper("${", "}", ":", null,
			true);

	private ListenerMailslots() {
	}

	/**
	 * Return the mailslots the listener methods name, as the annotations give them
	 * (server ids or mailslot names), once each.
	 * @param beanFactory the bean factory, whose definitions are complete
	 * @param environment the environment, for placeholders
	 * @return the mailslots
	 */
	static Set<String> find(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		Set<String> mailslots = new LinkedHashSet<>();
		for (String beanName : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = type(beanFactory, beanName);
			if (type == null || !AnnotationUtils.isCandidateClass(type, MailslotListener.class)) {
				continue;
			}
			Map<Method, MailslotListener> listeners = MethodIntrospector.selectMethods(type,
					(MethodIntrospector.MetadataLookup<MailslotListener>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, MailslotListener.class));
			listeners.values()
				.forEach((listener) -> mailslots
					.add(placeholders.replacePlaceholders(listener.mailslot(), environment::getProperty).trim()));
		}
		return mailslots;
	}

	private static @Nullable Class<?> type(ConfigurableListableBeanFactory beanFactory, String beanName) {
		try {
			Class<?> type = beanFactory.getType(beanName, false);
			return (type != null) ? ClassUtils.getUserClass(type) : null;
		}
		catch (BeansException | LinkageError ex) {
			return null;
		}
	}

}
