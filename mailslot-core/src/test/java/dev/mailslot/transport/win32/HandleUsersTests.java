package dev.mailslot.transport.win32;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.mailslot.MailslotName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link HandleUsers} releases a handle: once, and never while a call is inside.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandleUsersTests {

	private final AtomicInteger releases = new AtomicInteger();

	private HandleUsers users(Duration closeWait) {
		return new HandleUsers(MailslotName.parse("\\\\.\\mailslot\\users"), closeWait, this.releases::incrementAndGet);
	}

	@Test
	void aCallThatLeavesWhileCloseWaitsLetsCloseReleaseTheHandleOnce() throws Exception {
		HandleUsers users = users(Duration.ofSeconds(30));
		assertThat(users.enter()).isTrue();
		CompletableFuture<Void> closing = CompletableFuture.runAsync(users::close);
		Thread.sleep(200);
		assertThat(closing).isNotDone();
		assertThat(this.releases).hasValue(0);
		users.leave();
		closing.get(5, TimeUnit.SECONDS);
		assertThat(this.releases).hasValue(1);
		assertThat(users.enter()).isFalse();
	}

	@Test
	void aCallStillInsideAfterTheCloseWaitReleasesTheHandleWhenItLeaves() {
		HandleUsers users = users(Duration.ofMillis(100));
		assertThat(users.enter()).isTrue();
		assertThat(users.enter()).isTrue();
		users.close();
		assertThat(this.releases).hasValue(0);
		assertThat(users.enter()).isFalse();
		users.leave();
		assertThat(this.releases).hasValue(0);
		users.leave();
		assertThat(this.releases).hasValue(1);
	}

	@Test
	void closeWithNoCallInsideReleasesAtOnce() {
		HandleUsers users = users(Duration.ofSeconds(30));
		users.close();
		assertThat(this.releases).hasValue(1);
	}

}
