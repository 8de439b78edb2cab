package dev.mailslot.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of {@link MailslotProperties} against those of what they configure, as
 * Boot's {@code KafkaPropertiesTests} holds its listener properties to spring-kafka's
 * container properties: an application that leaves a property unset gets what an
 * application without Boot gets from the container options, the container factory, the
 * server options and the template. Retries and the error handler are Boot's own choice
 * (see docs/spring-without-boot.md).
 */
class MailslotPropertiesTests {

	private final MailslotProperties properties = new MailslotProperties();

	@Test
	void listenerDefaultsAreTheContainerOptionsDefaults() {
		MailslotProperties.Listener listener = this.properties.getListener();
		MailslotListenerContainerOptions container = MailslotListenerContainerOptions.defaults();
		assertThat(listener.isAutoStartup()).isEqualTo(container.autoStartup());
		assertThat(listener.getConcurrency()).isEqualTo(container.concurrency());
		assertThat(listener.getPollTimeout()).isEqualTo(container.pollTimeout());
		assertThat(listener.getShutdownTimeout()).isEqualTo(container.shutdownTimeout());
		assertThat(listener.getIdleEventInterval()).isEqualTo(container.idleEventInterval());
		assertThat(listener.getBatch().getMaxSize()).isEqualTo(container.maxBatchSize());
		assertThat(listener.getBatch().getMaxWait()).isEqualTo(container.maxBatchWait());
	}

	@Test
	void listenerTypeDefaultIsTheContainerFactorysDefault() {
		MailslotServers servers = new MailslotServers(MailslotTransports.get("memory"), Map.of(),
				(name) -> MailslotServerOptions.builder(name).build(), Duration.ZERO, "mailslot.servers");
		try {
			MailslotListenerContainerFactory factory = new MailslotListenerContainerFactory(servers,
					new DefaultMessageHandlerMethodFactory());
			assertThat(this.properties.getListener().getType() == MailslotProperties.Type.BATCH)
				.isEqualTo(factory.isBatchListener());
		}
		finally {
			servers.destroy();
		}
	}

	@Test
	void serverDefaultsAreTheServerOptionsDefaults() {
		MailslotProperties.ServerDefaults defaults = this.properties.getServerDefaults();
		MailslotServerOptions server = MailslotServerOptions.builder("defaults").build();
		assertThat(defaults.getMaxMessageSize().toBytes()).isEqualTo(server.maxMessageSize());
		assertThat(defaults.getReadTimeout()).isEqualTo(server.readTimeout());
		assertThat(defaults.isInheritHandle()).isEqualTo(server.inheritHandle());
		assertThat(defaults.getSecurityDescriptor()).isEqualTo(server.securityDescriptor());
		assertThat(Integer.parseInt(defaults.getMode(), 8)).isEqualTo(server.mode());
		assertThat(defaults.getQueueCapacity()).isEqualTo(server.queueCapacity());
		assertThat(defaults.getHoldCapacity()).isEqualTo(server.holdCapacity());
		assertThat(defaults.isAllowWorldAccess()).isEqualTo(server.allowWorldAccess());
	}

	@Test
	void templateWriteTimeoutIsTheTemplatesDefault() {
		assertThat(this.properties.getTemplate().getWriteTimeout()).isEqualTo(MailslotTemplate.DEFAULT_WRITE_TIMEOUT);
	}

}
