package dev.mailslot.spring.core;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.StringMessageConverter;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MailslotTemplate}, on the memory transport.
 */
class MailslotTemplateTests {

	private final MailslotTransport transport = MailslotTransports.get("memory");

	private final MailslotName name = MailslotName.parse("template-" + System.nanoTime());

	private final MailslotTemplate template = new MailslotTemplate(this.transport, null,
			MailslotMessageConverters.create(StandardCharsets.UTF_8, null));

	private MailslotServer server() {
		return this.transport.createServer(MailslotServerOptions.builder(this.name).readTimeout(ReadTimeout.ZERO).build());
	}

	@Test
	void sendsToAServerThatCameBackWithAFreshHandle() {
		try (MailslotServer first = server()) {
			this.template.send(this.name.toString(), "first");
			assertThat(first.read()).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
		}
		try (MailslotServer second = server()) {
			this.template.send(this.name.toString(), "second");
			assertThat(second.read()).isEqualTo("second".getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void aMissingMailslotIsReported() {
		assertThatExceptionOfType(NoSuchMailslotException.class)
			.isThrownBy(() -> this.template.send(this.name.toString(), "nobody"));
	}

	@Test
	void objectsBecomeJson() {
		try (MailslotServer server = server()) {
			this.template.send(this.name.toString(), new Point(1, 2));
			assertThat(new String(server.read(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1,\"y\":2}");
		}
	}

	@Test
	void payloadsNoConverterTakesAreRefused() {
		MailslotTemplate bytesOnly = new MailslotTemplate(this.transport, null,
				new StringMessageConverter());
		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> bytesOnly.send(this.name.toString(), new Point(1, 2)))
			.withMessageContaining(Point.class.getName());
	}

	@Test
	void aClosedTemplateRefusesToSend() {
		this.template.destroy();
		assertThatIllegalStateException().isThrownBy(() -> this.template.send(this.name.toString(), "late"));
	}

	record Point(int x, int y) {

	}

}
