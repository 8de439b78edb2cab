package dev.mailslot.spring.listener.adapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.SendTo;

import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;
import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.core.MailslotServers;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.test.ContextRunner;
import dev.mailslot.spring.test.MailslotTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code @SendTo} on a {@code @MailslotListener} in a plain Spring application
 * ({@link MailslotTestConfiguration}, no Boot), on the posix transport: a listener's
 * return value written to a configured server, to a placeholder's, to one an expression
 * computes from the request (the first example of docs/replies.md among them), nothing
 * for {@code null}, and a reply that cannot be written handed to the error handler; a
 * fixed target that can never be written and an expression that does not parse stop the
 * start-up naming the method.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailslotReplyPosixEndToEndTests {

	private final String prefix = "\\\\.\\mailslot\\reply-e2e\\" + ProcessHandle.current().pid() + "-"
			+ System.nanoTime();

	private ContextRunner runner(Class<?> listener) {
		return ContextRunner.withMailslotConfiguration()
			.withUserConfiguration(listener)
			.withPropertyValues("test.transport=posix", "test.servers.requests.name=" + this.prefix + "\\requests",
					"test.servers.replies.name=" + this.prefix + "\\replies",
					"test.servers.requests-replies.name=" + this.prefix + "\\requests-replies",
					"test.listener.poll-timeout=100ms", "test.listener.retry.max-retries=0");
	}

	@Test
	void theReturnValueIsWrittenToTheServerSendToNames() {
		runner(FixedReply.class).run((context) -> {
			context.getBean(MailslotTemplate.class).send("requests", "hello");
			assertThat(read(context.getBean(MailslotServers.class).get("replies"))).isEqualTo("re: hello");
		});
	}

	@Test
	void aPlaceholderNamesTheReplyMailslot() {
		runner(PlaceholderReply.class).withPropertyValues("app.replies=" + this.prefix + "\\replies").run((context) -> {
			context.getBean(MailslotTemplate.class).send("requests", "ping");
			assertThat(read(context.getBean(MailslotServers.class).get("replies"))).isEqualTo("PING");
		});
	}

	@Test
	void anExpressionComputesTheReplyMailslotFromEachRequest() {
		runner(ExpressionReply.class).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			template.send("requests", "replies:one");
			template.send("requests", "requests-replies:two");
			assertThat(read(context.getBean(MailslotServers.class).get("replies"))).isEqualTo("one");
			assertThat(read(context.getBean(MailslotServers.class).get("requests-replies"))).isEqualTo("two");
		});
	}

	@Test
	void aNullReturnValueSendsNoReply() {
		runner(FixedReply.class).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			template.send("requests", "skip");
			template.send("requests", "after");
			MailslotServer replies = context.getBean(MailslotServers.class).get("replies");
			assertThat(read(replies)).isEqualTo("re: after");
			assertThatExceptionOfType(MailslotTimeoutException.class)
				.isThrownBy(() -> replies.read(ReadTimeout.of(Duration.ofMillis(300))));
		});
	}

	@Test
	void aReplyThatCannotBeWrittenGoesToTheErrorHandler() {
		runner(UnwritableReply.class).run((context) -> {
			context.getBean(MailslotTemplate.class).send("requests", "lost?");
			RecordingErrorHandler errors = context.getBean(RecordingErrorHandler.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !errors.failures.isEmpty());
			Throwable failure = errors.failures.get(0);
			assertThat(failure).isInstanceOf(ReplyFailedException.class)
				.hasMessageContaining(
						"could not send its reply to @SendTo(\"!{'nowhere-' + request.payload.length}\")");
			assertThat(errors.payloads).containsExactly("lost?");
		});
	}

	@Test
	void theFirstExpressionOfTheRepliesPageRepliesToTheServerItNames() throws IOException {
		String expression = firstExpressionOfTheRepliesPage();
		runner(PlaceholderReply.class).withPropertyValues("app.replies=" + expression).run((context) -> {
			context.getBean(MailslotTemplate.class).send("requests", "ping");
			assertThat(read(context.getBean(MailslotServers.class).get("requests-replies")))
				.as("the reply of %s", expression)
				.isEqualTo("PING");
		});
	}

	/**
	 * Return the first {@code !{...}} example of docs/replies.md, as the page shows it.
	 */
	private static String firstExpressionOfTheRepliesPage() throws IOException {
		Matcher example = Pattern.compile("@SendTo\\(\"(!\\{[^`]*\\})\"\\)")
			.matcher(Files.readString(Path.of("..", "docs", "replies.md")));
		assertThat(example.find()).as("a @SendTo(\"!{...}\") example in docs/replies.md").isTrue();
		return example.group(1);
	}

	@Test
	void aRemoteNameWithoutTheNetworkTransportIsRefusedAtStartupNamingTheMethod() {
		assertThat(runner(PlaceholderReply.class).withPropertyValues("app.replies=\\\\SERVER\\mailslot\\replies")
			.startupFailure()).hasMessageContaining(PlaceholderReply.class.getName() + ".answer()")
			.hasMessageContaining("has @SendTo(\"\\\\SERVER\\mailslot\\replies\"), which can never be written")
			.hasMessageContaining("the posix transport carries only names on this host")
			.hasMessageContaining("enable the network transport for remote names");
	}

	@Test
	void aNameWithoutAPathIsRefusedAtStartupNamingTheMethod() {
		assertThat(runner(PlaceholderReply.class).withPropertyValues("app.replies=\\\\.\\mailslot\\").startupFailure())
			.hasMessageContaining(PlaceholderReply.class.getName() + ".answer()")
			.hasMessageContaining("which can never be written")
			.hasMessageContaining("the name below \\mailslot\\ is missing");
	}

	@Test
	void aNameTooLongForThePosixTransportIsRefusedAtStartupNamingTheMethod() {
		String path = "r".repeat(245);
		assertThat(runner(PlaceholderReply.class).withPropertyValues("app.replies=" + path).startupFailure())
			.hasMessageContaining(PlaceholderReply.class.getName() + ".answer()")
			.hasMessageContaining("which can never be written")
			.hasMessageContaining("more than the 240 the posix transport allows");
	}

	@Test
	void anExpressionThatDoesNotParseIsRefusedAtStartupNamingTheMethodAndTheAnnotation() {
		assertThat(
				runner(PlaceholderReply.class).withPropertyValues("app.replies=!{request.headers[}").startupFailure())
			.hasMessageContaining(PlaceholderReply.class.getName() + ".answer()")
			.hasMessageContaining("has @SendTo(\"!{request.headers[}\") whose !{...} expression does not parse");
	}

	@Test
	void sendToOnAMethodThatReturnsNothingFailsAtStartup() {
		assertThat(runner(VoidReply.class).startupFailure())
			.hasMessageContaining("has @SendTo(\"replies\") but returns nothing to send");
	}

	private static String read(MailslotServer server) {
		return new String(server.read(ReadTimeout.of(Duration.ofSeconds(10))), StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	static class FixedReply {

		@MailslotListener("requests")
		@SendTo("replies")
		String answer(String request) {
			return request.equals("skip") ? null : "re: " + request;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderReply {

		@MailslotListener("requests")
		@SendTo("${app.replies}")
		String answer(String request) {
			return request.toUpperCase(Locale.ROOT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExpressionReply {

		/**
		 * The request says where to reply, as NETLOGON requests carry the name of their
		 * reply mailslot.
		 */
		@MailslotListener("requests")
		@SendTo("!{new String(request.payload).substring(0, new String(request.payload).indexOf(':'))}")
		String answer(Message<String> request) {
			return request.getPayload().substring(request.getPayload().indexOf(':') + 1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnwritableReply {

		@Bean
		RecordingErrorHandler recordingErrorHandler() {
			return new RecordingErrorHandler();
		}

		@MailslotListener(value = "requests", errorHandler = "recordingErrorHandler")
		@SendTo("!{'nowhere-' + request.payload.length}")
		String answer(String request) {
			return request;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class VoidReply {

		@MailslotListener("requests")
		@SendTo("replies")
		void answer(String request) {
		}

	}

	static class RecordingErrorHandler implements MailslotErrorHandler {

		final List<Throwable> failures = new CopyOnWriteArrayList<>();

		final List<String> payloads = new CopyOnWriteArrayList<>();

		@Override
		public void handleError(Message<byte[]> message, Throwable cause, int attempts) {
			this.payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8));
			this.failures.add(cause);
		}

	}

}
