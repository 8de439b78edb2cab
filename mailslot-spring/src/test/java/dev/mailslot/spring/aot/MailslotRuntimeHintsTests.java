package dev.mailslot.spring.aot;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;

import dev.mailslot.spring.annotation.MailslotListener;
import dev.mailslot.spring.support.MailslotHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MailslotRuntimeHints} and the hints of {@code @MailslotListener}
 * methods.
 */
class MailslotRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void theRegistrarIsFoundThroughAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(MailslotRuntimeHints.class::isInstance);
	}

	@Test
	void leavesMailslotCoreToItsOwnReachabilityMetadata() {
		new MailslotRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(this.hints.reflection().typeHints()).extracting((hint) -> hint.getType().getName())
			.noneMatch((name) -> name.startsWith("dev.mailslot.transport.") || name.startsWith("com.sun.jna."));
		assertThat(this.hints.proxies().jdkProxyHints()).isEmpty();
		assertThat(this.hints.jni().typeHints()).isEmpty();
		assertThat(this.hints.resources().resourcePatternHints()).isEmpty();
		assertThat(getClass().getClassLoader()
			.getResource("META-INF/native-image/dev.mailslot/mailslot-core/reflect-config.json")).isNotNull();
	}

	@Test
	void replyExpressionsCanReadTheirRootObject() {
		new MailslotRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(MailslotRuntimeHints.REPLY_EXPRESSION_ROOT))
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
	}

	@Test
	void everyTypeTheHintsNameExists() {
		assertThat(exists(MailslotRuntimeHints.REPLY_EXPRESSION_ROOT)).isTrue();
	}

	@Test
	void listenerMethodsAndTheirPayloadTypesGetHints() throws Exception {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, OrderListener.class);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderListener.class.getDeclaredMethod("onOrder", Order.class, String.class)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderListener.class.getDeclaredMethod("onRefund", Message.class))).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Refund.class)).accepts(this.hints);
	}

	private static boolean exists(String name) {
		try {
			Class.forName(name, false, MailslotRuntimeHintsTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	static class OrderListener {

		@MailslotListener("orders")
		void onOrder(Order order, @Header(MailslotHeaders.MAILSLOT) String mailslot) {
		}

		@MailslotListener("refunds")
		void onRefund(Message<Refund> refund) {
		}

	}

	record Order(String id, int quantity) {
	}

	record Refund(String orderId) {
	}

}
