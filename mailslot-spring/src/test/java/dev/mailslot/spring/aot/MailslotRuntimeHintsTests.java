package dev.mailslot.spring.aot;

import java.util.ArrayList;
import java.util.List;

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
 * Tests for {@link MailslotRuntimeHints} and the hints of {@code @MailslotListener} methods.
 */
class MailslotRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void theRegistrarIsFoundThroughAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(MailslotRuntimeHints.class::isInstance);
	}

	@Test
	void jnaBindingsGetTheirProxiesReflectionAndJni() {
		new MailslotRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		for (String library : MailslotRuntimeHints.LIBRARIES) {
			assertThat(RuntimeHintsPredicates.proxies().forInterfaces(TypeReference.of(library))).accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(TypeReference.of(library))
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
		}
		TypeReference libc = TypeReference.of(MailslotRuntimeHints.DIRECT_MAPPING);
		assertThat(RuntimeHintsPredicates.reflection().onType(libc).withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS))
			.accepts(this.hints);
		assertThat(this.hints.jni().getTypeHint(libc)).isNotNull();
		for (String structure : MailslotRuntimeHints.STRUCTURES) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(TypeReference.of(structure))
				.withMemberCategories(MemberCategory.ACCESS_PUBLIC_FIELDS, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS))
				.accepts(this.hints);
		}
	}

	@Test
	void theTransportsServiceLoaderFindsKeepTheirConfigurationAndConstructors() {
		new MailslotRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource(MailslotRuntimeHints.PROVIDER_CONFIGURATION))
			.accepts(this.hints);
		for (String provider : MailslotRuntimeHints.PROVIDERS) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(TypeReference.of(provider))
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
		}
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
		List<String> names = new ArrayList<>(List.of(MailslotRuntimeHints.LIBRARIES));
		names.add(MailslotRuntimeHints.DIRECT_MAPPING);
		names.addAll(List.of(MailslotRuntimeHints.STRUCTURES));
		names.addAll(List.of(MailslotRuntimeHints.PROVIDERS));
		names.add(MailslotRuntimeHints.REPLY_EXPRESSION_ROOT);
		for (String name : names) {
			assertThat(exists(name)).as("%s exists", name).isTrue();
		}
		assertThat(getClass().getClassLoader().getResource(MailslotRuntimeHints.PROVIDER_CONFIGURATION)).isNotNull();
	}

	@Test
	void listenerMethodsAndTheirPayloadTypesGetHints() throws Exception {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, OrderListener.class);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderListener.class.getDeclaredMethod("onOrder", Order.class, String.class)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderListener.class.getDeclaredMethod("onRefund", Message.class)))
			.accepts(this.hints);
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
