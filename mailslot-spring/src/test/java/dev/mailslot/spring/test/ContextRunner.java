package dev.mailslot.spring.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.fail;

/**
 * Starts a plain Spring {@link AnnotationConfigApplicationContext}, without Spring Boot,
 * with configuration classes, beans and property values, hands it to a test and closes
 * it: for the tests of this module what Boot's {@code ApplicationContextRunner} is for
 * Boot's. Immutable: each {@code with} method returns a new runner.
 */
public final class ContextRunner {

	private final List<Class<?>> configurations;

	private final Map<String, Object> properties;

	private ContextRunner(List<Class<?>> configurations, Map<String, Object> properties) {
		this.configurations = configurations;
		this.properties = properties;
	}

	/**
	 * Start a runner with {@link MailslotTestConfiguration}, the beans an application
	 * without Boot declares.
	 * @return the runner
	 */
	public static ContextRunner withMailslotConfiguration() {
		return new ContextRunner(List.of(MailslotTestConfiguration.class), Map.of());
	}

	/**
	 * Add configuration classes or beans, registered in this order.
	 * @param classes the classes
	 * @return a new runner
	 */
	public ContextRunner withUserConfiguration(Class<?>... classes) {
		List<Class<?>> all = new ArrayList<>(this.configurations);
		all.addAll(Arrays.asList(classes));
		return new ContextRunner(List.copyOf(all), this.properties);
	}

	/**
	 * Add a bean of a class, as {@link #withUserConfiguration(Class...)} does.
	 * @param type the bean's class
	 * @return a new runner
	 */
	public ContextRunner withBean(Class<?> type) {
		return withUserConfiguration(type);
	}

	/**
	 * Add property values, each {@code name=value}; a later value of a name replaces an
	 * earlier one.
	 * @param pairs the values
	 * @return a new runner
	 */
	public ContextRunner withPropertyValues(String... pairs) {
		Map<String, Object> all = new LinkedHashMap<>(this.properties);
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			all.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return new ContextRunner(this.configurations, Map.copyOf(all));
	}

	/**
	 * Start the context, hand it to the test and close it, also when the test fails.
	 * @param test what to do with the started context
	 */
	public void run(ContextConsumer test) {
		try (AnnotationConfigApplicationContext context = start()) {
			test.accept(context);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Start the context, which must fail, and return why.
	 * @return what the start-up threw
	 */
	public Throwable startupFailure() {
		try (AnnotationConfigApplicationContext context = start()) {
			return fail("The context started, and was expected to fail");
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private AnnotationConfigApplicationContext start() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", this.properties));
		context.register(this.configurations.toArray(Class<?>[]::new));
		context.refresh();
		return context;
	}

	/**
	 * A test of a started context.
	 */
	@FunctionalInterface
	public interface ContextConsumer {

		void accept(AnnotationConfigApplicationContext context) throws Throwable;

	}

}
