package dev.mailslot.spring.boot.autoconfigure.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.boot.autoconfigure.MailslotAutoConfiguration;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.support.metrics.MailslotMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MailslotMetricsAutoConfiguration}, on the memory transport.
 */
class MailslotMetricsAutoConfigurationTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class,
				MailslotMetricsAutoConfiguration.class, MetricsAutoConfiguration.class))
		.withUserConfiguration(FailingListener.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("mailslot.transport=memory", "mailslot.listener.poll-timeout=100ms",
				"mailslot.listener.retry.max-retries=1", "mailslot.listener.retry.delay=1ms",
				"mailslot.servers.orders.name=metrics-" + sequence.incrementAndGet());

	@Test
	void countsWhatListenersReceiveAndWhatFails() {
		this.contextRunner.withPropertyValues("mailslot.listener.dead-letter.directory=target/metrics-dead-letters")
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("orders", "fine");
				template.send("orders", "fail");
				await().atMost(Duration.ofSeconds(5))
					.until(() -> meters.get("mailslot.messages.unprocessed").functionCounter().count() == 1);
				assertThat(meters.get("mailslot.messages.received").tag("listener", "orders").functionCounter().count())
					.isEqualTo(2);
				assertThat(meters.get("mailslot.bytes.received").functionCounter().count()).isEqualTo(8);
				assertThat(meters.get("mailslot.messages.processed").functionCounter().count()).isEqualTo(1);
				assertThat(meters.get("mailslot.listener.failures").functionCounter().count()).isEqualTo(2);
				context.getBean(MailslotListenerEndpointRegistry.class).pause("orders");
				await().atMost(Duration.ofSeconds(5))
					.until(() -> context.getBean(MailslotListenerEndpointRegistry.class)
						.getListenerContainer("orders")
						.isPaused());
				template.send("orders", "waits");
				assertThat(meters.get("mailslot.backlog").tag("server", "orders").gauge().value()).isEqualTo(1);
			});
	}

	@Test
	void aListenerOnALazyBeanGetsItsMetersWhenTheBeanIsCreated() {
		String lazyName = "metrics-lazy-" + sequence.incrementAndGet();
		this.contextRunner.withUserConfiguration(LazyListener.class)
			.withPropertyValues("lazy.mailslot=" + lazyName)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("mailslot.messages.received").tag("listener", "lazy").functionCounter())
					.isNull();
				context.getBean(LazyListener.class);
				assertThat(meters.get("mailslot.messages.received").tag("listener", "lazy").functionCounter())
					.isNotNull();
				assertThat(meters.get("mailslot.backlog").tag("mailslot", "\\\\.\\mailslot\\" + lazyName).gauge())
					.isNotNull();
			});
	}

	@Test
	void bootBindsTheMetersToTheRegistryItConfiguresAsItBindsEveryMeterBinder() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class,
					MailslotMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.withUserConfiguration(FailingListener.class)
			.withPropertyValues("mailslot.transport=memory", "mailslot.listener.poll-timeout=100ms",
					"mailslot.servers.orders.name=metrics-" + sequence.incrementAndGet())
			.run((context) -> {
				assertThat(context).hasSingleBean(MeterBinder.class)
					.getBean(MeterBinder.class)
					.isInstanceOf(MailslotMetrics.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean(MailslotTemplate.class).send("orders", "fine");
				await().atMost(Duration.ofSeconds(5))
					.until(() -> meters.get("mailslot.messages.processed")
						.tag("listener", "orders")
						.functionCounter()
						.count() == 1);
				assertThat(meters.get("mailslot.backlog").tag("server", "orders").gauge().value()).isZero();
			});
	}

	@Test
	void aMailslotMetricsBeanOfTheApplicationsReplacesTheAutoConfiguredOne() {
		this.contextRunner.withUserConfiguration(OwnMetrics.class)
			.run((context) -> assertThat(context).hasSingleBean(MailslotMetrics.class).hasBean("myMetrics"));
	}

	@Test
	void needsMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MailslotMetrics.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMetrics {

		@Bean
		MailslotMetrics myMetrics(MailslotServers servers, MailslotListenerEndpointRegistry registry) {
			return new MailslotMetrics(servers, registry, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Lazy
	static class LazyListener {

		@MailslotListener(id = "lazy", mailslot = "${lazy.mailslot}")
		void listen(String message) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		@MailslotListener("orders")
		void listen(String message) {
			if (message.equals("fail")) {
				throw new IllegalStateException("fails");
			}
		}

	}

}
