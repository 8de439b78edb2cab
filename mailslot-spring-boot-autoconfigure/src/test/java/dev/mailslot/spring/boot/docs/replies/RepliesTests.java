package dev.mailslot.spring.boot.docs.replies;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.mailslot.spring.boot.docs.ExampleApplications;
import dev.mailslot.spring.core.MailslotTemplate;
import dev.mailslot.spring.listener.MailslotErrorHandler;
import dev.mailslot.spring.listener.adapter.ReplyFailedException;
import dev.mailslot.spring.listener.adapter.ReplyTargetRefusedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/replies.md}: a fixed reply target, one that each request names, and
 * the setting that lets requests name other hosts.
 */
class RepliesTests {

	@TempDir
	Path deadLetters;

	private final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

	private ApplicationContextRunner runner() {
		return ExampleApplications.runner(this.deadLetters)
			.withBean("mailslotErrorHandler", MailslotErrorHandler.class,
					() -> (message, cause, attempts) -> this.failures.add(cause))
			.withPropertyValues("mailslot.servers.replies.name=replies", "mailslot.listener.retry.max-retries=0");
	}

	@Test
	void theAnswerIsWrittenToTheRepliesServer() {
		runner().withBean(RequestListener.class).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			template.send("requests", "hello");
			assertThat(template.receiveAndConvert("replies", String.class, Duration.ofSeconds(10))).isEqualTo("re: hello");
		});
	}

	@Test
	void theRequestNamesTheMailslotOfItsAnswer() {
		runner().withBean(RoutingRequestListener.class).run((context) -> {
			MailslotTemplate template = context.getBean(MailslotTemplate.class);
			template.send("requests", "replies:hello");
			assertThat(template.receiveAndConvert("replies", String.class, Duration.ofSeconds(10))).isEqualTo("hello");
		});
	}

	@Test
	void byDefaultARequestMayNotSendTheAnswerToAnotherHost() throws InterruptedException {
		runner().withBean(RoutingRequestListener.class).run((context) -> {
			context.getBean(MailslotTemplate.class).send("requests", "\\\\HOST\\mailslot\\replies:hello");
			assertThat(nextFailure()).isInstanceOf(ReplyFailedException.class)
				.hasCauseInstanceOf(ReplyTargetRefusedException.class);
		});
	}

	@Test
	void withRemoteTargetsARequestMaySendTheAnswerToAnotherHostButNotBroadcastIt() throws InterruptedException {
		runner().withBean(RoutingRequestListener.class)
			.withInitializer(ExampleApplications.configurationFile("docs/replies/per-message-targets.yml"))
			.run((context) -> {
				MailslotTemplate template = context.getBean(MailslotTemplate.class);
				template.send("requests", "\\\\HOST\\mailslot\\replies:hello");
				Throwable remote = nextFailure();
				assertThat(remote).isInstanceOf(ReplyFailedException.class);
				assertThat(remote.getCause()).as("a write the memory transport cannot carry, not a refused target")
					.isNotInstanceOf(ReplyTargetRefusedException.class);
				template.send("requests", "\\\\*\\mailslot\\replies:hello");
				assertThat(nextFailure()).isInstanceOf(ReplyFailedException.class)
					.hasCauseInstanceOf(ReplyTargetRefusedException.class);
			});
	}

	private Throwable nextFailure() throws InterruptedException {
		Throwable failure = this.failures.poll(10, TimeUnit.SECONDS);
		assertThat(failure).as("a failure within 10 s").isNotNull();
		return failure;
	}

}
