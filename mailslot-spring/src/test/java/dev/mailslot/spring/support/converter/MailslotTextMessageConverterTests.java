package dev.mailslot.spring.support.converter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import dev.mailslot.MailslotName;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text as Windows programs write and read it: TCHAR strings with their terminator, in
 * UTF-16LE from a UNICODE build and in the code page from an ANSI build.
 */
class MailslotTextMessageConverterTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final MailslotName WINDOWS = MailslotName.parse("\\\\.\\mailslot\\windows");

	private final MailslotTextMessageConverter converter = new MailslotTextMessageConverter(
			new MailslotText(StandardCharsets.UTF_8, false),
			Map.of(WINDOWS, new MailslotText(StandardCharsets.UTF_16LE, true)), false);

	private static Message<byte[]> received(byte[] payload, String mailslot) {
		return MessageBuilder.withPayload(payload).setHeader(MailslotHeaders.MAILSLOT, mailslot).build();
	}

	@Test
	void unicodeTextFromAUnicodeBuildLosesItsTerminator() {
		byte[] written = "Message one for mailslot.\0".getBytes(StandardCharsets.UTF_16LE);
		assertThat(written).hasSize(52);
		assertThat(this.converter.fromMessage(received(written, "\\\\.\\MAILSLOT\\Windows"), String.class))
			.isEqualTo("Message one for mailslot.");
	}

	@Test
	void codePageTextFromAnAnsiBuildLosesItsTerminator() {
		MailslotTextMessageConverter ansi = new MailslotTextMessageConverter(new MailslotText(WINDOWS_1252, false),
				Map.of(), false);
		byte[] written = "Caf\u00e9 ouvert.\0".getBytes(WINDOWS_1252);
		assertThat(ansi.fromMessage(received(written, "\\\\.\\mailslot\\ansi"), String.class))
			.isEqualTo("Caf\u00e9 ouvert.");
	}

	@Test
	void onlyOneTerminatorIsDroppedAndTextWithoutOneIsKept() {
		assertThat(
				this.converter.fromMessage(received("a\0\0".getBytes(StandardCharsets.UTF_8), "other"), String.class))
			.isEqualTo("a\0");
		assertThat(
				this.converter.fromMessage(received("plain".getBytes(StandardCharsets.UTF_8), "other"), String.class))
			.isEqualTo("plain");
	}

	@Test
	void theTerminatorIsKeptWhenAsked() {
		MailslotTextMessageConverter keeping = new MailslotTextMessageConverter(
				new MailslotText(StandardCharsets.UTF_16LE, false), Map.of(), true);
		assertThat(keeping.fromMessage(received("x\0".getBytes(StandardCharsets.UTF_16LE), "any"), String.class))
			.isEqualTo("x\0");
	}

	@Test
	void textForAWindowsMailslotIsWrittenAsAUnicodeBuildReadsIt() {
		Message<?> message = this.converter.toMessage("Message one for mailslot.",
				new MessageHeaders(Map.of(MailslotHeaders.MAILSLOT, WINDOWS.toString())));
		assertThat((byte[]) message.getPayload())
			.isEqualTo("Message one for mailslot.\0".getBytes(StandardCharsets.UTF_16LE));
	}

	@Test
	void otherMailslotsGetTheDefaultText() {
		Message<?> message = this.converter.toMessage("caf\u00e9",
				new MessageHeaders(Map.of(MailslotHeaders.MAILSLOT, "\\\\.\\mailslot\\other")));
		assertThat((byte[]) message.getPayload()).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
		assertThat((byte[]) this.converter.toMessage("caf\u00e9", null).getPayload())
			.isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
	}

}
