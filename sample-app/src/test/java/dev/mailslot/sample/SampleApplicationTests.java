package dev.mailslot.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotInfo;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransports;
import dev.mailslot.ReadTimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample on the platform's default transport, as the README's commands do.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private final String mailslot = "\\\\.\\mailslot\\sample_mailslot_test_" + ProcessHandle.current().pid();

	/**
	 * Return text as Microsoft's "Writing to a Mailslot" writes it in a UNICODE build:
	 * UTF-16LE, with its two-byte terminator.
	 */
	private static byte[] unicodeText(String text) {
		return (text + '\0').getBytes(StandardCharsets.UTF_16LE);
	}

	@Test
	void readerCreatesTheMailslotFromApplicationYmlAndLogsEveryMessage(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--sample.mailslot=" + this.mailslot)) {
			MailslotServer server = context.getBean("sampleMailslotServer", MailslotServer.class);
			MailslotInfo info = server.info();
			assertThat(server.name()).isEqualTo(MailslotName.parse(this.mailslot));
			assertThat(info.readTimeout()).isEqualTo(ReadTimeout.FOREVER);
			try (MailslotClient client = MailslotTransports.get("auto").openClient(MailslotName.parse(this.mailslot))) {
				client.write(unicodeText("Message one for mailslot."));
				client.write(unicodeText("Message two for mailslot."));
			}
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output)
					.contains("Received 52 bytes on " + this.mailslot + ": Message one for mailslot."
							+ System.lineSeparator())
					.contains("Received 52 bytes on " + this.mailslot + ": Message two for mailslot."
							+ System.lineSeparator())
					.doesNotContain("\0"));
		}
	}

	@Test
	void writerSendsTheThreeMessagesOfTheWritingSample() {
		try (MailslotServer server = MailslotTransports.get("auto")
			.createServer(MailslotServerOptions.builder(this.mailslot).readTimeout(ReadTimeout.ZERO).build())) {
			SpringApplication
				.run(SampleApplication.class, "--sample.mailslot=" + this.mailslot, "--spring.profiles.active=writer")
				.close();
			for (String message : SampleWriter.MESSAGES) {
				assertThat(server.read()).isEqualTo(unicodeText(message));
			}
			assertThat(server.info().messageCount()).isZero();
		}
	}

}
