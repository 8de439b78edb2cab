package dev.mailslot.spring.listener.adapter;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.ReflectionUtils;

import dev.mailslot.spring.listener.BatchListenerFailedException;
import dev.mailslot.spring.support.MailslotHeaders;
import dev.mailslot.spring.support.converter.MailslotMessageConverters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link BatchMessagingMessageListenerAdapter}: each payload converted as a
 * single-message listener's would be, the headers a batch shares, and a message that does
 * not convert named by its place after the method took those before it.
 */
class BatchMessagingMessageListenerAdapterTests {

	private final List<Object> received = new ArrayList<>();

	@Test
	void payloadsAreConvertedToTheListsElementType() {
		adapter("onTexts", List.class).onMessages(List.of(message("one"), message("two")));
		assertThat(this.received).containsExactly(List.of("one", "two"));
	}

	@Test
	void bytesArePassedAsRead() {
		adapter("onBytes", List.class).onMessages(List.of(message("raw")));
		assertThat(this.received).singleElement()
			.satisfies((payloads) -> assertThat((List<?>) payloads).singleElement().isEqualTo(bytes("raw")));
	}

	@Test
	void messagesKeepTheirHeadersAndGetConvertedPayloads() {
		adapter("onOrders", List.class).onMessages(List.of(message("{\"item\":\"tea\",\"quantity\":2}")));
		assertThat(this.received).singleElement().satisfies((element) -> {
			Message<?> message = (Message<?>) element;
			assertThat(message.getPayload()).isEqualTo(new Order("tea", 2));
			assertThat(message.getHeaders()).containsEntry(MailslotHeaders.MAILSLOT, "\\\\.\\mailslot\\orders")
				.containsEntry(MailslotHeaders.SIZE, 27);
		});
	}

	@Test
	void theBatchsSharedHeadersCanBeArguments() {
		adapter("onTextsOfMailslot", List.class, String.class).onMessages(List.of(message("one")));
		assertThat(this.received).containsExactly(List.of("one"), "\\\\.\\mailslot\\orders");
	}

	@Test
	void aMessageThatDoesNotConvertIsNamedAfterTheMethodTookThoseBeforeIt() {
		BatchMessagingMessageListenerAdapter adapter = adapter("onOrderPayloads", List.class);
		List<Message<byte[]>> batch = List.of(message("{\"item\":\"tea\",\"quantity\":1}"),
				message("{\"item\":\"jam\",\"quantity\":2}"), message("not json"), message("{\"item\":\"egg\"}"));
		assertThatThrownBy(() -> adapter.onMessages(batch)).isInstanceOfSatisfying(BatchListenerFailedException.class,
				(ex) -> {
					assertThat(ex.getIndex()).isEqualTo(2);
					assertThat(ex.getFailure()).isInstanceOf(MessageConversionException.class);
					assertThat(ex).hasMessageContaining("message 2 of its batch of 4");
				});
		assertThat(this.received).containsExactly(List.of(new Order("tea", 1), new Order("jam", 2)));
	}

	@Test
	void aFirstMessageThatDoesNotConvertIsNamedWithoutCallingTheMethod() {
		assertThatThrownBy(() -> adapter("onOrderPayloads", List.class).onMessages(List.of(message("not json"))))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> assertThat(ex.getIndex()).isZero());
		assertThat(this.received).isEmpty();
	}

	@Test
	void aFailedMessageTheMethodNamesIsNamedByItsPlace() {
		assertThatThrownBy(() -> adapter("onOrdersFailingOnJam", List.class)
			.onMessages(List.of(order("tea"), order("jam"), order("egg"))))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> {
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getFailure()).hasMessage("no jam");
			});
	}

	@Test
	void otherFailuresNameTheMethod() {
		assertThatThrownBy(() -> adapter("onTextsFailing", List.class).onMessages(List.of(message("one"))))
			.isInstanceOf(ListenerExecutionFailedException.class)
			.hasMessageContaining("onTextsFailing")
			.hasRootCauseMessage("checked failure");
	}

	@Test
	void aMethodWithoutAListIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> adapter("onSingle", String.class))
			.withMessageContaining("onSingle")
			.withMessageContaining("has no List parameter")
			.withMessageContaining("List<Order> or List<Message<Order>>");
	}

	@Test
	void aMethodWithTwoListsIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> adapter("onTwoLists", List.class, List.class))
			.withMessageContaining("more than one List parameter");
	}

	@Test
	void aConvertedTypeWithoutAConverterIsRefused() {
		MailslotMessageHandlerMethodFactory factory = factory();
		Method method = ReflectionUtils.findMethod(getClass(), "onTexts", List.class);
		assertThatIllegalStateException()
			.isThrownBy(() -> new BatchMessagingMessageListenerAdapter(
					factory.createInvocableHandlerMethod(this, method), null))
			.withMessageContaining("java.lang.String")
			.withMessageContaining("no message converter");
	}

	private BatchMessagingMessageListenerAdapter adapter(String name, Class<?>... parameterTypes) {
		MailslotMessageHandlerMethodFactory factory = factory();
		Method method = ReflectionUtils.findMethod(getClass(), name, parameterTypes);
		return new BatchMessagingMessageListenerAdapter(factory.createInvocableHandlerMethod(this, method),
				factory.getMessageConverter());
	}

	private static MailslotMessageHandlerMethodFactory factory() {
		MailslotMessageHandlerMethodFactory factory = new MailslotMessageHandlerMethodFactory();
		factory.setMessageConverter(MailslotMessageConverters.create(StandardCharsets.UTF_8, null));
		factory.afterPropertiesSet();
		return factory;
	}

	void onTexts(List<String> texts) {
		this.received.add(texts);
	}

	void onBytes(List<byte[]> payloads) {
		this.received.add(payloads);
	}

	void onOrders(List<Message<Order>> orders) {
		this.received.addAll(orders);
	}

	void onOrderPayloads(List<Order> orders) {
		this.received.add(orders);
	}

	void onOrdersFailingOnJam(List<Message<Order>> orders) {
		for (Message<Order> order : orders) {
			if (order.getPayload().item().equals("jam")) {
				throw new BatchListenerFailedException("jam fails", new IllegalStateException("no jam"), order);
			}
		}
	}

	void onTextsOfMailslot(List<String> texts, @Header(MailslotHeaders.MAILSLOT) String mailslot) {
		this.received.add(texts);
		this.received.add(mailslot);
	}

	void onTextsFailing(List<String> texts) throws Exception {
		throw new Exception("checked failure");
	}

	void onSingle(String text) {
	}

	void onTwoLists(List<String> first, List<String> second) {
	}

	private static Message<byte[]> message(String text) {
		byte[] payload = bytes(text);
		return new GenericMessage<>(payload,
				Map.of(MailslotHeaders.MAILSLOT, "\\\\.\\mailslot\\orders", MailslotHeaders.SIZE, payload.length));
	}

	private static Message<byte[]> order(String item) {
		return message("{\"item\":\"" + item + "\",\"quantity\":1}");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Order(String item, int quantity) {
	}

}
