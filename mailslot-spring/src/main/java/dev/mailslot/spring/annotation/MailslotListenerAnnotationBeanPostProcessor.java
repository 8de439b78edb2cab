package dev.mailslot.spring.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.util.Assert;
import org.springframework.util.PropertyPlaceholderHelper;
import org.springframework.util.StringUtils;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.config.ContainerOptionOverrides;
import dev.mailslot.spring.config.MailslotListenerConfigurer;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistrar;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.config.MethodMailslotListenerEndpoint;
import dev.mailslot.spring.config.RetryOverrides;

/**
 * Finds {@link MailslotListener} methods on beans and, once every singleton exists,
 * registers a container for each with the {@link MailslotListenerEndpointRegistry},
 * created by the container factory the annotation names or the
 * {@code mailslotListenerContainerFactory} bean; then lets each
 * {@link MailslotListenerConfigurer} bean register endpoints of its own.
 */
public class MailslotListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware, SmartInitializingSingleton {

	/** Bean name of the container factory listeners use. */
	public static final String CONTAINER_FACTORY_BEAN_NAME = "mailslotListenerContainerFactory";

	/**
	 * Resolves {@code ${...}} with no escape character: Spring's {@code \} escape would
	 * swallow the placeholder in a mailslot name such as {@code \.\mailslot\${name}}.
	 */
	private static final PropertyPlaceholderHelper placeholders = new PropertyPlaceholderHelper("${", "}", ":", null,
			false);

	private @Nullable ConfigurableBeanFactory beanFactory;

	private @Nullable Environment environment;

	private final List<Registration> registrations = new ArrayList<>();

	/**
	 * Classes scanned and found without listener methods: prototypes of them are not
	 * scanned again.
	 */
	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	/** Set once every singleton exists: endpoints found later are registered at once. */
	private boolean registerImmediately;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableBeanFactory.class, beanFactory, "needs a ConfigurableBeanFactory");
		this.beanFactory = (ConfigurableBeanFactory) beanFactory;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AopInfrastructureBean || bean instanceof MailslotListenerContainerFactory
				|| bean instanceof MailslotListenerEndpointRegistry) {
			return bean;
		}
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.nonAnnotatedClasses.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, MailslotListener.class)) {
			return bean;
		}
		Map<Method, MailslotListener> annotated = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<MailslotListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, MailslotListener.class));
		if (annotated.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		annotated.forEach((method, annotation) -> {
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			String where = "@MailslotListener on " + method.getDeclaringClass().getName() + "." + method.getName()
					+ "()";
			register(new Registration(endpoint(bean, invocable, annotation, where),
					resolve(annotation.containerFactory())));
		});
		return bean;
	}

	private synchronized void register(Registration registration) {
		if (this.registerImmediately) {
			registry().registerListenerContainer(registration.endpoint(), containerFactory(registration));
		}
		else {
			this.registrations.add(registration);
		}
	}

	private MethodMailslotListenerEndpoint endpoint(Object bean, Method method, MailslotListener annotation,
			String where) {
		String mailslot = resolve(annotation.mailslot());
		Assert.state(StringUtils.hasText(mailslot), () -> where + " names no mailslot; give a server id or a name");
		String id = resolve(annotation.id());
		if (!StringUtils.hasText(id)) {
			id = defaultId(mailslot);
		}
		String concurrency = resolve(annotation.concurrency());
		String errorHandler = resolve(annotation.errorHandler());
		Integer parsedConcurrency = null;
		if (StringUtils.hasText(concurrency)) {
			try {
				parsedConcurrency = Integer.valueOf(concurrency.trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException(
						where + " has concurrency '" + concurrency + "'; give a whole number of " + "at least 1", ex);
			}
			Assert.state(parsedConcurrency > 0, () -> where + " has concurrency " + concurrency + "; give at least 1");
		}
		MethodMailslotListenerEndpoint endpoint = new MethodMailslotListenerEndpoint(bean, method);
		endpoint.setId(id);
		endpoint.setMailslot(mailslot);
		endpoint.setAutoStartup(flag(resolve(annotation.autoStartup()), "autoStartup", where));
		endpoint.setBatchListener(flag(resolve(annotation.batch()), "batch", where));
		endpoint.setConcurrency(parsedConcurrency);
		endpoint.setErrorHandler(StringUtils.hasText(errorHandler) ? errorHandler : null);
		endpoint.setDescription(where);
		endpoint.setReplyDestination(replyDestination(method, where));
		setOptionOverrides(endpoint.getOptionOverrides(), annotation, where);
		return endpoint;
	}

	private void setOptionOverrides(ContainerOptionOverrides overrides, MailslotListener annotation, String where) {
		ListenerAttributeParser parser = new ListenerAttributeParser(where);
		overrides.setMaxBatchSize(parser.wholeNumber(resolve(annotation.batchMaxSize()), "batchMaxSize", 1));
		overrides.setMaxBatchWait(parser.batchWait(resolve(annotation.batchMaxWait()), "batchMaxWait"));
		overrides.setShutdownTimeout(parser.duration(resolve(annotation.shutdownTimeout()), "shutdownTimeout", true));
		overrides
			.setIdleEventInterval(parser.duration(resolve(annotation.idleEventInterval()), "idleEventInterval", false));
		RetryOverrides retry = overrides.getRetry();
		retry.setMaxRetries(parser.longNumber(resolve(annotation.maxRetries()), "maxRetries", 0));
		retry.setDelay(parser.duration(resolve(annotation.retryDelay()), "retryDelay", true));
		retry.setMultiplier(parser.multiplier(resolve(annotation.retryMultiplier()), "retryMultiplier"));
		retry.setMaxDelay(parser.duration(resolve(annotation.retryMaxDelay()), "retryMaxDelay", false));
	}

	private static @Nullable Boolean flag(String value, String attribute, String where) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String flag = value.trim();
		Assert.state(flag.equalsIgnoreCase("true") || flag.equalsIgnoreCase("false"),
				() -> where + " has " + attribute + " '" + value + "'; give true or false");
		return Boolean.valueOf(flag);
	}

	/**
	 * Return where {@code @SendTo} on the method sends its return value, placeholders
	 * resolved and {@code !{...}} expressions left for each message, or {@code null}.
	 */
	private @Nullable String replyDestination(Method method, String where) {
		SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(method, SendTo.class);
		if (sendTo == null) {
			return null;
		}
		String[] destinations = sendTo.value();
		Assert.state(destinations.length == 1, () -> where + " has @SendTo with " + destinations.length
				+ " destinations; give one: a server id, a mailslot name, or an expression in !{...}");
		String destination = resolve(destinations[0]);
		Assert.state(StringUtils.hasText(destination), () -> where + " has @SendTo(\"" + destinations[0]
				+ "\"), which names no mailslot; give a server id, a mailslot name, or an expression in !{...}");
		return destination;
	}

	private static String defaultId(String mailslot) {
		if (mailslot.startsWith("\\")) {
			return MailslotName.parse(mailslot).canonicalPath();
		}
		return mailslot;
	}

	private String resolve(String value) {
		ConfigurableBeanFactory factory = this.beanFactory;
		if (factory == null || !StringUtils.hasText(value)) {
			return value;
		}
		String resolved = (this.environment != null)
				? placeholders.replacePlaceholders(value, this.environment::getProperty) : value;
		if (factory.getBeanExpressionResolver() != null) {
			Object evaluated = factory.getBeanExpressionResolver()
				.evaluate(resolved, new BeanExpressionContext(factory, null));
			return (evaluated != null) ? evaluated.toString() : "";
		}
		return resolved;
	}

	/**
	 * Register the annotated endpoints found so far, then those of every
	 * {@link MailslotListenerConfigurer} bean, in order.
	 */
	@Override
	public synchronized void afterSingletonsInstantiated() {
		this.registerImmediately = true;
		Assert.state(this.beanFactory != null, "no bean factory");
		List<MailslotListenerConfigurer> configurers = this.beanFactory
			.getBeanProvider(MailslotListenerConfigurer.class)
			.orderedStream()
			.toList();
		if (this.registrations.isEmpty() && configurers.isEmpty()) {
			return;
		}
		MailslotListenerEndpointRegistry registry = registry();
		for (Registration registration : this.registrations) {
			registry.registerListenerContainer(registration.endpoint(), containerFactory(registration));
		}
		this.registrations.clear();
		MailslotListenerEndpointRegistrar registrar = new MailslotListenerEndpointRegistrar(
				containerFactory(CONTAINER_FACTORY_BEAN_NAME, "a MailslotListenerConfigurer"));
		configurers.forEach((configurer) -> configurer.configureMailslotListeners(registrar));
		registrar.registerAll(registry);
	}

	private MailslotListenerEndpointRegistry registry() {
		Assert.state(this.beanFactory != null, "no bean factory");
		return this.beanFactory.getBean(MailslotBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME,
				MailslotListenerEndpointRegistry.class);
	}

	private MailslotListenerContainerFactory containerFactory(Registration registration) {
		String name = StringUtils.hasText(registration.containerFactory()) ? registration.containerFactory().trim()
				: CONTAINER_FACTORY_BEAN_NAME;
		return containerFactory(name, registration.endpoint().describe());
	}

	private MailslotListenerContainerFactory containerFactory(String name, String where) {
		Assert.state(this.beanFactory != null, "no bean factory");
		if (!this.beanFactory.containsBean(name)) {
			throw new IllegalStateException(where + " needs the container factory '" + name + "', and there is no "
					+ "bean of that name; declare a MailslotListenerContainerFactory bean named '" + name + "'");
		}
		return this.beanFactory.getBean(name, MailslotListenerContainerFactory.class);
	}

	/**
	 * An annotated endpoint and the name of the container factory it asks for ("" for the
	 * default).
	 */
	private record Registration(MethodMailslotListenerEndpoint endpoint, String containerFactory) {
	}

}
