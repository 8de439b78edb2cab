package dev.mailslot.spring.boot.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.MailslotWriteTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.config.MailslotListenerContainerFactory;
import dev.mailslot.spring.config.MailslotListenerEndpointRegistry;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.DeadLetterDirectoryErrorHandler;
import dev.mailslot.spring.listener.DeadLetterMailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.MailslotListenerContainerOptions;
import dev.mailslot.transport.posix.PosixHoldMemory;
import dev.mailslot.transport.unix.UnixMailslotTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MailslotAutoConfiguration}, on the memory transport.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailslotAutoConfigurationTests {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
		.withPropertyValues("mailslot.transport=memory");

	private static String unique(String name) {
		return "\\\\.\\mailslot\\autoconfig\\" + name + "-" + sequence.incrementAndGet();
	}

	@Test
	void providesTheTransportTemplateAndListenerInfrastructure() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MailslotTransport.class)
				.hasSingleBean(MailslotServers.class)
				.hasSingleBean(MailslotTemplate.class)
				.hasSingleBean(MailslotListenerContainerFactory.class)
				.hasSingleBean(MailslotListenerEndpointRegistry.class)
				.hasSingleBean(MailslotListenerContainerFactoryConfigurer.class)
				.doesNotHaveBean(MailslotServer.class);
			assertThat(context.getBean(MailslotTransport.class).id()).isEqualTo("memory");
			assertThat(context.getBean(MailslotErrorHandler.class)).isInstanceOfSatisfying(
					DeadLetterDirectoryErrorHandler.class,
					(handler) -> assertThat(handler.getDirectory()).isEqualTo(Path.of("mailslot-dead-letters")));
		});
	}

	@Test
	void transportAutoIsTheDefault() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailslotAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(MailslotTransport.class))
				.isSameAs(MailslotTransports.get("auto")));
	}

	@Test
	void eachConfiguredServerIsABeanCreatedAtStartup() {
		String orders = unique("orders");
		this.contextRunner
			.withPropertyValues("mailslot.servers.orders.name=" + orders,
					"mailslot.servers.orders.max-message-size=1KB", "mailslot.servers.orders.read-timeout=250ms",
					"mailslot.servers.audit.read-timeout=0")
			.run((context) -> {
				assertThat(context).getBeans(MailslotServer.class)
					.containsOnlyKeys("ordersMailslotServer", "auditMailslotServer");
				MailslotServer server = context.getBean("ordersMailslotServer", MailslotServer.class);
				assertThat(server.name()).isEqualTo(MailslotName.parse(orders));
				assertThat(server.info().maxMessageSize()).isEqualTo(1024);
				assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.ofMillis(250));
				MailslotServer audit = context.getBean("auditMailslotServer", MailslotServer.class);
				assertThat(audit.name()).isEqualTo(MailslotName.parse("audit"));
				assertThat(audit.info().readTimeout()).isEqualTo(ReadTimeout.ZERO);
				assertThat(context.getBean(MailslotServers.class).getConfigured()).containsOnlyKeys("orders", "audit");
			});
	}

	@Test
	void serverIdsMayHoldDots() {
		this.contextRunner.withPropertyValues("mailslot.servers[my.app].name=" + unique("dotted")).run((context) -> {
			assertThat(context).getBeans(MailslotServer.class).containsOnlyKeys("my.appMailslotServer");
			assertThat(context.getBean("my.appMailslotServer", MailslotServer.class).isOpen()).isTrue();
		});
	}

	@Test
	void anErrorHandlerBeanOfAnotherNameLeavesTheDefaultInPlace() {
		MailslotErrorHandler other = (message, cause, attempts) -> {
		};
		this.contextRunner.withBean("otherErrorHandler", MailslotErrorHandler.class, () -> other)
			.withBean("thirdErrorHandler", MailslotErrorHandler.class, () -> other)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("mailslotErrorHandler")).isInstanceOf(DeadLetterDirectoryErrorHandler.class);
			});
	}

	@Test
	void readTimeoutForeverIsTheDefaultAndCanBeSaid() {
		this.contextRunner
			.withPropertyValues("mailslot.servers.a.name=" + unique("a"), "mailslot.servers.b.name=" + unique("b"),
					"mailslot.servers.b.read-timeout=forever", "mailslot.servers.c.name=" + unique("c"),
					"mailslot.servers.c.read-timeout=PT2S")
			.run((context) -> {
				assertThat(context.getBean("aMailslotServer", MailslotServer.class).info().readTimeout())
					.isEqualTo(ReadTimeout.FOREVER);
				assertThat(context.getBean("bMailslotServer", MailslotServer.class).info().readTimeout())
					.isEqualTo(ReadTimeout.FOREVER);
				assertThat(context.getBean("cMailslotServer", MailslotServer.class).info().readTimeout())
					.isEqualTo(ReadTimeout.of(Duration.ofSeconds(2)));
			});
	}

	@Test
	void serversAreClosedWithTheContext() {
		String name = unique("closed");
		MailslotServer[] server = new MailslotServer[1];
		this.contextRunner.withPropertyValues("mailslot.servers.s.name=" + name).run((context) -> {
			server[0] = context.getBean(MailslotServer.class);
			assertThat(server[0].isOpen()).isTrue();
		});
		assertThat(server[0].isOpen()).isFalse();
		MailslotTransports.get("memory").createServer(MailslotServerOptions.builder(name).build()).close();
	}

	@Test
	void aNameInUseStopsStartupNamingTheProperty() {
		String name = unique("taken");
		try (MailslotServer taken = MailslotTransports.get("memory")
			.createServer(MailslotServerOptions.builder(name).build())) {
			this.contextRunner.withPropertyValues("mailslot.servers.orders.name=" + name).run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MailslotServerFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(name)
					.contains("mailslot.servers.orders")
					.contains("in use");
				assertThat(analysis.getAction()).contains("mailslot.servers.orders.name")
					.contains("mailslot.server-defaults.on-name-in-use=wait");
			});
		}
	}

	@Test
	void onNameInUseWaitWaitsForTheNameToBeFreed() {
		String name = unique("freed");
		MailslotServer taken = MailslotTransports.get("memory")
			.createServer(MailslotServerOptions.builder(name).build());
		new Thread(() -> {
			sleep(700);
			taken.close();
		}).start();
		this.contextRunner
			.withPropertyValues("mailslot.servers.orders.name=" + name, "mailslot.server-defaults.on-name-in-use=wait",
					"mailslot.server-defaults.name-in-use-wait=10s")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("ordersMailslotServer"));
	}

	@Test
	void serverDefaultsGiveTheirOptionsToTheServersCreatedForNamesWithNoConfiguration() {
		this.contextRunner
			.withPropertyValues("mailslot.server-defaults.max-message-size=100B",
					"mailslot.server-defaults.read-timeout=250ms")
			.run((context) -> {
				MailslotServer server = context.getBean(MailslotServers.class).resolve(unique("bare"), "a test");
				assertThat(server.info().maxMessageSize()).isEqualTo(100);
				assertThat(server.info().readTimeout()).isEqualTo(ReadTimeout.ofMillis(250));
			});
	}

	@Test
	void serverDefaultsGiveTheirOptionsToConfiguredServersThatDoNotSetThem() {
		this.contextRunner
			.withPropertyValues("mailslot.server-defaults.max-message-size=100B",
					"mailslot.server-defaults.read-timeout=250ms", "mailslot.servers.plain.name=" + unique("plain"),
					"mailslot.servers.own.name=" + unique("own"), "mailslot.servers.own.max-message-size=200B")
			.run((context) -> {
				MailslotServer plain = context.getBean("plainMailslotServer", MailslotServer.class);
				assertThat(plain.info().maxMessageSize()).isEqualTo(100);
				assertThat(plain.info().readTimeout()).isEqualTo(ReadTimeout.ofMillis(250));
				MailslotServer own = context.getBean("ownMailslotServer", MailslotServer.class);
				assertThat(own.info().maxMessageSize()).isEqualTo(200);
				assertThat(own.info().readTimeout()).isEqualTo(ReadTimeout.ofMillis(250));
			});
	}

	@Test
	void aBadServerDefaultStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("mailslot.server-defaults.mode=0666")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("mailslot.server-defaults.mode")));
	}

	@Test
	void anInvalidNameStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("mailslot.servers.bad.name=\\\\.\\mailslot\\a*b").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MailslotServerFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("mailslot.servers.bad.name").contains("contains '*'");
			assertThat(analysis.getAction()).contains("Correct mailslot.servers.bad.name");
		});
	}

	@Test
	@EnabledOnOs(value = OS.LINUX, disabledReason = "POSIX permissions")
	void aDeadLetterDirectoryOthersMayWriteToStopsStartupNamingTheProperty(@TempDir Path temp) throws Exception {
		Path directory = Files.createDirectory(temp.resolve("shared"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwx---"));
		this.contextRunner.withPropertyValues("mailslot.listener.dead-letter.directory=" + directory)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.listener.dead-letter.directory");
					assertThat(ex.getMessage()).contains("others may write to it (rwxrwx---)")
						.contains("chmod 700 " + directory);
				}));
	}

	@Test
	void aDeadLetterMailslotTakesFailedMessagesWithTheDirectoryAsItsFallback() {
		this.contextRunner
			.withPropertyValues("mailslot.servers.dead.name=" + unique("dead"),
					"mailslot.listener.dead-letter.mailslot=dead")
			.run((context) -> assertThat(context).getBean("mailslotErrorHandler")
				.isInstanceOfSatisfying(DeadLetterMailslotErrorHandler.class,
						(handler) -> assertThat(handler.getFallback())
							.isInstanceOf(DeadLetterDirectoryErrorHandler.class)));
	}

	@Test
	void aDeadLetterMailslotThatIsNoMailslotNameStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("mailslot.listener.dead-letter.mailslot=dead*letters")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.listener.dead-letter.mailslot");
					assertThat(ex.getMessage()).contains("Give the id of a server of mailslot.servers");
				}));
	}

	@Test
	void aReplayTargetThatIsNoMailslotNameStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("mailslot.listener.dead-letter.replay-targets=\\\\.\\mailslot\\ok,a*b")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.listener.dead-letter.replay-targets");
					assertThat(ex.getValue()).isEqualTo("a*b");
				}));
	}

	@Test
	void aBadModeNamesTheProperty() {
		this.contextRunner.withPropertyValues("mailslot.servers.q.name=" + unique("q"), "mailslot.servers.q.mode=0999")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.servers.q.mode");
					assertThat(ex.getValue()).isEqualTo("0999");
				}));
	}

	@Test
	@EnabledOnOs(value = OS.LINUX, disabledReason = "the posix transport runs on Linux")
	void optionsTheTransportDoesNotUseAreWarnedOf(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("mailslot.transport=posix", "mailslot.servers.q.name=" + unique("q"),
					"mailslot.servers.q.security-descriptor=D:(A;;GA;;;SY)", "mailslot.servers.q.mode=0620")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("The posix transport does not use mailslot.servers.q.security-descriptor; "
							+ "access to it is set by mailslot.servers.q.mode")
					.contains("set them for the transport that reads them (win32: security-descriptor)")
					.doesNotContain("does not use mailslot.servers.q.mode");
			});
	}

	@Test
	void theOptionsATransportReadsAreThoseItsProviderDeclares(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("mailslot.transport=" + ModeReadingTransportProvider.ID,
					"mailslot.servers.q.name=" + unique("q"), "mailslot.servers.q.mode=0620",
					"mailslot.servers.q.hold-capacity=5", "mailslot.servers.q.queue-capacity=3",
					"mailslot.servers.q.inherit-handle=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("The mode-reading transport does not use mailslot.servers.q.inherit-handle, "
							+ "mailslot.servers.q.queue-capacity; access to it is set by mailslot.servers.q.mode")
					.contains("(win32: inherit-handle; posix: queue-capacity)")
					.doesNotContain("does not use mailslot.servers.q.mode")
					.doesNotContain("mailslot.servers.q.hold-capacity");
			});
	}

	@Test
	void aNegativeHoldCapacityNamesThePropertyAndWhatToGive() {
		this.contextRunner
			.withPropertyValues("mailslot.servers.q.name=" + unique("q"), "mailslot.servers.q.hold-capacity=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.servers.q.hold-capacity");
					assertThat(ex.getMessage()).contains("Give 0 to leave messages in the queue");
				}));
	}

	@Test
	void aNegativePosixHoldMemoryNamesThePropertyAndWhatToGive() {
		this.contextRunner.withPropertyValues("mailslot.posix.hold-memory=-1B")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.posix.hold-memory");
					assertThat(ex.getMessage()).contains("such as 64MB, or 0 to hold none");
				}));
	}

	@Test
	void aPosixHoldMemoryAsLargeAsTheHeapFailsStartUpNamingThePropertyAndTheHeap() {
		long heap = Runtime.getRuntime().maxMemory();
		this.contextRunner.withPropertyValues("mailslot.posix.hold-memory=" + heap + "B")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.posix.hold-memory");
					assertThat(ex.getMessage()).contains("not less than the heap's maximum").contains("raise -Xmx");
				}));
		assertThat(PosixHoldMemory.limit()).isLessThan(heap);
	}

	@Test
	@EnabledOnOs({ OS.LINUX, OS.MAC })
	void theUnixDirectoryPropertyHoldsTheSocketsOfTheServers(@TempDir Path temporary) throws IOException {
		Path directory = Files.createDirectory(temporary.resolve("s"));
		this.contextRunner
			.withPropertyValues("mailslot.transport=unix", "mailslot.unix.directory=" + directory,
					"mailslot.servers.q.name=" + unique("q"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(UnixMailslotTransport.class).directory()).isEqualTo(directory);
				try (Stream<Path> files = Files.list(directory)) {
					assertThat(files.map((file) -> file.getFileName().toString()))
						.anyMatch((file) -> file.startsWith("autoconfig"));
				}
			});
	}

	@Test
	@EnabledOnOs({ OS.LINUX, OS.MAC })
	void aUnixDirectoryThatCannotWorkFailsStartupNamingTheProperty(@TempDir Path temporary) throws IOException {
		this.contextRunner.withPropertyValues("mailslot.transport=unix", "mailslot.unix.directory=relative/sockets")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.unix.directory");
					assertThat(ex.getMessage()).contains("must be an absolute path");
				}));
		Path shared = Files.createDirectory(temporary.resolve("w"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		this.contextRunner
			.withPropertyValues("mailslot.transport=unix", "mailslot.unix.directory=" + shared,
					"mailslot.servers.q.name=" + unique("q"))
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("may be written by other users")
				.hasStackTraceContaining("set mailslot.unix.directory to a directory of your own"));
	}

	@Test
	void thePosixHoldMemoryIsSharedByEveryPosixServerOfTheProcess() {
		try {
			this.contextRunner.withPropertyValues("mailslot.posix.hold-memory=3MB")
				.run((context) -> assertThat(PosixHoldMemory.limit()).isEqualTo(3L * 1024 * 1024));
		}
		finally {
			PosixHoldMemory.setLimit(-1);
		}
		assertThat(PosixHoldMemory.limit()).isEqualTo(PosixHoldMemory.defaultLimit());
	}

	@Test
	void theHoldCapacityReachesThePosixServerAndIsWarnedOfElsewhere(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("mailslot.transport=memory", "mailslot.servers.q.name=" + unique("q"),
					"mailslot.servers.q.hold-capacity=5")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("The memory transport does not use mailslot.servers.q.hold-capacity");
			});
		assertThat(new MailslotProperties.ServerDefaults().getHoldCapacity())
			.isEqualTo(MailslotServerOptions.DEFAULT_HOLD_CAPACITY);
	}

	@Test
	void aModeThatLetsEveryUserAtTheQueueNamesThePropertyUnlessAllowed() {
		this.contextRunner.withPropertyValues("mailslot.servers.q.name=" + unique("q"), "mailslot.servers.q.mode=0666")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.servers.q.mode");
					assertThat(ex.getMessage()).contains("every user of this host")
						.contains("mailslot.servers.q.allow-world-access=true");
				}));
		this.contextRunner
			.withPropertyValues("mailslot.servers.q.name=" + unique("q"), "mailslot.servers.q.mode=0666",
					"mailslot.servers.q.allow-world-access=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aModeWithoutItsLeadingZeroIsRefusedAsYamlWouldHaveReadIt() {
		this.contextRunner.withPropertyValues("mailslot.servers.q.name=" + unique("q"), "mailslot.servers.q.mode=400")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mailslot.servers.q.mode")
				.hasMessageContaining("unquoted, YAML reads 0620 as the number 400"));
	}

	@Test
	void aRemoteNameForAServerIsReportedNamingTheProperty() {
		this.contextRunner.withPropertyValues("mailslot.servers.far.name=\\\\elsewhere\\mailslot\\far")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MailslotServerFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("mailslot.servers.far.name");
				assertThat(analysis.getAction()).contains("Correct mailslot.servers.far.name");
			});
	}

	@Test
	void aTransportThatCannotRunHereIsReported() {
		this.contextRunner.withPropertyValues("mailslot.transport=pipes").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MailslotTransportFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("mailslot.transport=pipes")
				.contains("does not exist")
				.contains("memory (can run here)");
			assertThat(analysis.getAction()).contains("Set mailslot.transport");
		});
	}

	@Test
	void userBeansReplaceTheDefaults() {
		MailslotErrorHandler errorHandler = (message, cause, attempts) -> {
		};
		this.contextRunner.withBean("mailslotErrorHandler", MailslotErrorHandler.class, () -> errorHandler)
			.run((context) -> assertThat(context.getBean(MailslotErrorHandler.class)).isSameAs(errorHandler));
	}

	@Test
	void listenerPropertiesReachTheContainerFactory() {
		this.contextRunner
			.withPropertyValues("mailslot.listener.concurrency=3", "mailslot.listener.auto-startup=false",
					"mailslot.listener.poll-timeout=200ms", "mailslot.listener.shutdown-timeout=3s",
					"mailslot.listener.retry.max-retries=4")
			.run((context) -> {
				MailslotListenerContainerOptions options = context.getBean(MailslotListenerContainerFactory.class)
					.getContainerOptions();
				assertThat(options.concurrency()).isEqualTo(3);
				assertThat(options.autoStartup()).isFalse();
				assertThat(options.pollTimeout()).isEqualTo(Duration.ofMillis(200));
				assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.errorHandler()).isSameAs(context.getBean("mailslotErrorHandler"));
				RetryPolicy policy = options.retryPolicy();
				BackOffExecution backOff = policy.getBackOff().start();
				assertThat(backOff.nextBackOff()).isEqualTo(1000);
				assertThat(backOff.nextBackOff()).isEqualTo(2000);
				assertThat(backOff.nextBackOff()).isEqualTo(4000);
				assertThat(backOff.nextBackOff()).isEqualTo(8000);
				assertThat(backOff.nextBackOff()).isEqualTo(BackOffExecution.STOP);
			});
	}

	@Test
	void listenersTakeSingleMessagesUnlessTheTypeIsBatch() {
		this.contextRunner.run((context) -> {
			MailslotListenerContainerFactory factory = context.getBean(MailslotListenerContainerFactory.class);
			assertThat(factory.isBatchListener()).isFalse();
			assertThat(factory.getContainerOptions().maxBatchSize()).isEqualTo(100);
			assertThat(factory.getContainerOptions().maxBatchWait()).isZero();
		});
	}

	@Test
	void batchPropertiesReachTheContainerFactory() {
		this.contextRunner
			.withPropertyValues("mailslot.listener.type=batch", "mailslot.listener.batch.max-size=25",
					"mailslot.listener.batch.max-wait=150ms")
			.run((context) -> {
				MailslotListenerContainerFactory factory = context.getBean(MailslotListenerContainerFactory.class);
				assertThat(factory.isBatchListener()).isTrue();
				assertThat(factory.getContainerOptions().maxBatchSize()).isEqualTo(25);
				assertThat(factory.getContainerOptions().maxBatchWait()).isEqualTo(Duration.ofMillis(150));
			});
	}

	@Test
	void aBatchOfNoMessagesStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("mailslot.listener.batch.max-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.listener.batch.max-size");
					assertThat(ex.getMessage()).contains("give 1 or more");
				}));
	}

	@Test
	void aNegativeBatchWaitStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("mailslot.listener.batch.max-wait=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("mailslot.listener.batch.max-wait");
					assertThat(ex.getMessage()).contains("Give 0, to take only the messages already waiting");
				}));
	}

	@Test
	void theTemplateWritesToAConfiguredServerById() {
		this.contextRunner
			.withPropertyValues("mailslot.servers.orders.name=" + unique("template"),
					"mailslot.servers.orders.read-timeout=0", "mailslot.charset=UTF-16BE")
			.run((context) -> {
				context.getBean(MailslotTemplate.class).send("orders", "ab");
				MailslotServer server = context.getBean(MailslotServer.class);
				assertThat(server.read()).isEqualTo("ab".getBytes(StandardCharsets.UTF_16BE));
			});
	}

	@Test
	void theTemplateWritesTextAsEachServerSays() {
		this.contextRunner
			.withPropertyValues("mailslot.servers.windows.name=" + unique("windows"),
					"mailslot.servers.windows.read-timeout=0", "mailslot.servers.windows.charset=UTF-16LE",
					"mailslot.servers.windows.nul-terminated=true", "mailslot.servers.plain.name=" + unique("plain"),
					"mailslot.servers.plain.read-timeout=0")
			.run((context) -> {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("windows", "ab");
				template.send("plain", "ab");
				assertThat(context.getBean("windowsMailslotServer", MailslotServer.class).read())
					.isEqualTo("ab\0".getBytes(StandardCharsets.UTF_16LE));
				assertThat(context.getBean("plainMailslotServer", MailslotServer.class).read())
					.isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
			});
	}

	@Test
	@EnabledOnOs(value = OS.LINUX, disabledReason = "the posix transport runs on Linux")
	void theTemplateWaitsForRoomNoLongerThanItsWriteTimeout() {
		this.contextRunner
			.withPropertyValues("mailslot.transport=posix", "mailslot.servers.slow.name=" + unique("slow"),
					"mailslot.servers.slow.queue-capacity=1", "mailslot.servers.slow.hold-capacity=0",
					"mailslot.template.write-timeout=200ms")
			.run((context) -> {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("slow", "first");
				long start = System.nanoTime();
				assertThatExceptionOfType(MailslotWriteTimeoutException.class)
					.isThrownBy(() -> template.send("slow", "second"))
					.satisfies((ex) -> assertThat(ex.getWriteTimeout()).isEqualTo(Duration.ofMillis(200)));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			});
	}

	@Test
	void theTemplateEndsEveryTextWithANulWhenToldTo() {
		this.contextRunner
			.withPropertyValues("mailslot.servers.orders.name=" + unique("terminated"),
					"mailslot.servers.orders.read-timeout=0", "mailslot.charset=windows-1252",
					"mailslot.template.nul-terminated=true")
			.run((context) -> {
				context.getBean(MailslotTemplate.class).send("orders", "caf\u00e9");
				assertThat(context.getBean(MailslotServer.class).read())
					.isEqualTo(new byte[] { 'c', 'a', 'f', (byte) 0xe9, 0 });
			});
	}

	@Test
	void theFailureReportOfARealStartupNamesThePropertyAndTheFix(CapturedOutput output) {
		String name = unique("report");
		try (MailslotServer taken = MailslotTransports.get("memory")
			.createServer(MailslotServerOptions.builder(name).build())) {
			SpringApplication application = new SpringApplication(ReportConfiguration.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			assertThatExceptionOfType(Exception.class).isThrownBy(
					() -> application.run("--mailslot.transport=memory", "--mailslot.servers.orders.name=" + name));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("(mailslot.servers.orders) could not be created")
				.contains("give mailslot.servers.orders.name another name");
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(MailslotAutoConfiguration.class)
	static class ReportConfiguration {

	}

}
