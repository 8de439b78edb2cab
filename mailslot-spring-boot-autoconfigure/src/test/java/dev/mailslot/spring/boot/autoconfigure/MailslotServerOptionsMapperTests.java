package dev.mailslot.spring.boot.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MailslotServerOptionsMapper}: the options a server gets from the
 * properties as Boot binds them. An entry's own property wins, then
 * {@code mailslot.server-defaults}, then the built-in default.
 */
class MailslotServerOptionsMapperTests {

	@Test
	void serverDefaultsApplyToTheEntriesThatDoNotSetTheOption() {
		MailslotServerOptions orders = map(Map.of("mailslot.servers.orders.name", "orders",
				"mailslot.server-defaults.max-message-size", "4KB", "mailslot.server-defaults.read-timeout", "250ms",
				"mailslot.server-defaults.mode", "0620", "mailslot.server-defaults.queue-capacity", "5",
				"mailslot.server-defaults.hold-capacity", "7", "mailslot.server-defaults.allow-world-access", "true"))
			.get("orders");
		assertThat(orders.maxMessageSize()).isEqualTo(4096);
		assertThat(orders.readTimeout()).isEqualTo(ReadTimeout.ofMillis(250));
		assertThat(orders.mode()).isEqualTo(0620);
		assertThat(orders.queueCapacity()).isEqualTo(5);
		assertThat(orders.holdCapacity()).isEqualTo(7);
		assertThat(orders.allowWorldAccess()).isTrue();
	}

	@Test
	void anEntrysOwnPropertyWinsOverTheServerDefault() {
		MailslotServerOptions orders = map(
				Map.of("mailslot.servers.orders.max-message-size", "1KB", "mailslot.servers.orders.queue-capacity", "3",
						"mailslot.servers.orders.hold-capacity", "0", "mailslot.servers.orders.mode", "0600",
						"mailslot.server-defaults.max-message-size", "4KB", "mailslot.server-defaults.queue-capacity",
						"5", "mailslot.server-defaults.hold-capacity", "7", "mailslot.server-defaults.mode", "0620"))
			.get("orders");
		assertThat(orders.maxMessageSize()).isEqualTo(1024);
		assertThat(orders.queueCapacity()).isEqualTo(3);
		assertThat(orders.holdCapacity()).isZero();
		assertThat(orders.mode()).isEqualTo(0600);
	}

	@Test
	void theBuiltInDefaultsApplyWhereNeitherSetsTheOption() {
		MailslotServerOptions orders = map(Map.of("mailslot.servers.orders.name", "orders")).get("orders");
		assertThat(orders.maxMessageSize()).isZero();
		assertThat(orders.readTimeout()).isEqualTo(ReadTimeout.FOREVER);
		assertThat(orders.mode()).isEqualTo(MailslotServerOptions.DEFAULT_MODE);
		assertThat(orders.queueCapacity()).isZero();
		assertThat(orders.holdCapacity()).isEqualTo(MailslotServerOptions.DEFAULT_HOLD_CAPACITY);
		assertThat(orders.allowWorldAccess()).isFalse();
		assertThat(new MailslotProperties.Server().getHoldCapacity()).isNull();
	}

	@Test
	void theServersCreatedForListenersTakeTheServerDefaultsToo() {
		MailslotProperties properties = bind(Map.of("mailslot.server-defaults.queue-capacity", "4"));
		MailslotServerOptions options = MailslotServerOptionsMapper.defaults(properties, "posix")
			.apply(MailslotName.parse("bare"));
		assertThat(options.queueCapacity()).isEqualTo(4);
	}

	@Test
	void aBadServerDefaultNamesItsOwnPropertyThoughAnEntryTakesIt() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> map(
					Map.of("mailslot.servers.orders.name", "orders", "mailslot.server-defaults.queue-capacity", "-1")))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("mailslot.server-defaults.queue-capacity"));
	}

	@Test
	void aWorldModeFromTheServerDefaultsIsAllowedByTheEntry() {
		MailslotServerOptions orders = map(Map.of("mailslot.servers.orders.allow-world-access", "true",
				"mailslot.server-defaults.allow-world-access", "true", "mailslot.server-defaults.mode", "0622"))
			.get("orders");
		assertThat(orders.mode()).isEqualTo(0622);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> map(Map.of("mailslot.servers.orders.mode", "0666",
					"mailslot.server-defaults.allow-world-access", "false")))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("mailslot.servers.orders.mode"));
	}

	private static Map<String, MailslotServerOptions> map(Map<String, String> values) {
		return MailslotServerOptionsMapper.map(bind(values), "posix");
	}

	private static MailslotProperties bind(Map<String, String> values) {
		ApplicationConversionService conversion = new ApplicationConversionService();
		conversion.addConverter(new ReadTimeoutConverter());
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(values)), null, conversion);
		return binder.bindOrCreate("mailslot", Bindable.of(MailslotProperties.class));
	}

}
