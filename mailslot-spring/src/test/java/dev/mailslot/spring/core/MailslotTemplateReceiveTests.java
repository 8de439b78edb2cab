package dev.mailslot.spring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.Message;

import dev.mailslot.MailslotName;
import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransports;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link MailslotTemplate}'s receive, receiveAndConvert and sendAndReceive on real
 * servers of the posix and memory transports: the headers a listener sees, {@code null}
 * on the timeout, mailslots it does not own or a listener reads refused with their names,
 * and the temporary reply mailslot gone after every request: answered, timed out, failed
 * to make or failed to send.
 */
@Timeout(60)
class MailslotTemplateReceiveTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final String unique = Long.toString(System.nanoTime());

	private MailslotServers servers;

	private MailslotTemplate template;

	private MailslotTransport start(String transportId) {
		assumeTrue(!transportId.equals("posix") || OS.LINUX.isCurrentOs(), "posix message queues need Linux");
		MailslotTransport transport = MailslotTransports.get(transportId);
		this.servers = new MailslotServers(transport, Map.of("inbox", options("inbox"), "service", options("service")),
				(name) -> MailslotServerOptions.builder(name).build(), Duration.ZERO, "test.servers");
		this.template = new MailslotTemplate(transport, this.servers,
				MailslotMessageConverters.create(StandardCharsets.UTF_8, null));
		return transport;
	}

	private MailslotServerOptions options(String id) {
		return MailslotServerOptions.builder(name(id)).readTimeout(ReadTimeout.ZERO).build();
	}

	private MailslotName name(String id) {
		return MailslotName.local("receive-" + id + "-" + this.unique);
	}

	@AfterEach
	void close() {
		if (this.template != null) {
			this.template.destroy();
			this.servers.destroy();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void receivesAMessageOfAConfiguredServerWithTheHeadersAListenerSees(String transport) {
		start(transport);
		this.template.send("inbox", "hello");
		Message<byte[]> message = this.template.receive("inbox", WAIT);
		assertThat(message).isNotNull();
		assertThat(message.getPayload()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
		assertThat(message.getHeaders()).containsEntry(MailslotHeaders.MAILSLOT, name("inbox").toString())
			.containsEntry(MailslotHeaders.SERVER_ID, "inbox")
			.containsEntry(MailslotHeaders.SIZE, 5)
			.containsKey(MailslotHeaders.RECEIVED_AT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void receivesByTheMailslotsNameAndConvertsAsListenersDo(String transport) {
		start(transport);
		this.template.send("inbox", new Point(1, 2));
		this.template.send("inbox", "text");
		assertThat(this.template.receiveAndConvert(name("inbox").toString(), Point.class, WAIT))
			.isEqualTo(new Point(1, 2));
		assertThat(this.template.receiveAndConvert("inbox", String.class, WAIT)).isEqualTo("text");
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void answersNullWhenNothingArrivesWithinTheTimeout(String transport) {
		start(transport);
		long start = System.nanoTime();
		assertThat(this.template.receive("inbox", Duration.ofMillis(300))).isNull();
		assertThat(this.template.receiveAndConvert("inbox", String.class, Duration.ZERO)).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void refusesAMailslotTheApplicationDoesNotOwnNamingWhatItOwns(String transport) {
		MailslotTransport mailslots = start(transport);
		MailslotName elsewhere = MailslotName.local("receive-elsewhere-" + this.unique);
		try (MailslotServer other = mailslots.createServer(MailslotServerOptions.builder(elsewhere).build())) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.template.receive(elsewhere.toString(), WAIT))
				.withMessageContaining("'" + elsewhere + "' is no mailslot this application owns")
				.withMessageContaining("inbox")
				.withMessageContaining("service");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.receive("no such id", WAIT))
			.withMessageContaining("'no such id'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void refusesAMailslotARunningListenerReadsNamingTheListener(String transport) {
		start(transport);
		this.template.setReaders((mailslot) -> mailslot.equals(name("inbox")) ? "orders" : null);
		this.template.send("inbox", "for the listener");
		assertThatIllegalStateException().isThrownBy(() -> this.template.receive("inbox", WAIT))
			.withMessageContaining("Listener 'orders' reads " + name("inbox"));
		assertThat(this.servers.get("inbox").info().messageCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void sendsARequestCarryingTheReplyMailslotAndReceivesTheReplyThere(String transport) throws Exception {
		MailslotTransport mailslots = start(transport);
		CompletableFuture<Void> responder = CompletableFuture.runAsync(() -> {
			String request = new String(this.servers.get("service").read(ReadTimeout.of(WAIT)), StandardCharsets.UTF_8);
			MailslotName replyTo = MailslotName.parse(request.substring(request.indexOf(' ') + 1));
			try (var client = mailslots.openClient(replyTo)) {
				client.write("pong".getBytes(StandardCharsets.UTF_8));
			}
		});
		AtomicReference<MailslotName> replyMailslot = new AtomicReference<>();
		String reply = this.template.convertSendAndReceive("service", (replyTo) -> {
			replyMailslot.set(replyTo);
			return "ping " + replyTo;
		}, String.class, WAIT);
		assertThat(reply).isEqualTo("pong");
		responder.get(10, TimeUnit.SECONDS);
		assertThat(replyMailslot.get().path()).startsWith("temp\\reply\\");
		assertGone(mailslots, replyMailslot.get());
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void aRequestNobodyAnswersGivesNullAfterTheTimeoutAndClosesTheReplyMailslot(String transport) {
		MailslotTransport mailslots = start(transport);
		AtomicReference<MailslotName> replyMailslot = new AtomicReference<>();
		Message<byte[]> reply = this.template.sendAndReceive("service", (replyTo) -> {
			replyMailslot.set(replyTo);
			return "ping " + replyTo;
		}, Duration.ofMillis(300));
		assertThat(reply).isNull();
		assertThat(this.servers.get("service").info().messageCount()).isEqualTo(1);
		assertGone(mailslots, replyMailslot.get());
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void aRequestThatFailsToBeMadeOrSentClosesTheReplyMailslot(String transport) {
		MailslotTransport mailslots = start(transport);
		AtomicReference<MailslotName> made = new AtomicReference<>();
		assertThatIllegalStateException().isThrownBy(() -> this.template.sendAndReceive("service", (replyTo) -> {
			made.set(replyTo);
			throw new IllegalStateException("no request today");
		}, WAIT)).withMessage("no request today");
		assertGone(mailslots, made.get());
		AtomicReference<MailslotName> sent = new AtomicReference<>();
		assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> this.template
			.sendAndReceive(MailslotName.local("nobody-" + this.unique).toString(), (replyTo) -> {
				sent.set(replyTo);
				return "ping " + replyTo;
			}, WAIT));
		assertGone(mailslots, sent.get());
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix", "memory" })
	void aClosedTemplateRefusesToReceiveOrToSendARequest(String transport) {
		start(transport);
		this.template.destroy();
		assertThatIllegalStateException().isThrownBy(() -> this.template.receive("inbox", WAIT))
			.withMessage("The MailslotTemplate is closed");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.template.sendAndReceive("service", (replyTo) -> "ping", WAIT))
			.withMessage("The MailslotTemplate is closed");
	}

	private static void assertGone(MailslotTransport transport, MailslotName mailslot) {
		assertThat(mailslot).isNotNull();
		assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> transport.openClient(mailslot));
	}

	record Point(int x, int y) {
	}

}
