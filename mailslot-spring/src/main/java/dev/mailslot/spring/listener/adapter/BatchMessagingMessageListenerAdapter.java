package dev.mailslot.spring.listener.adapter;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.ValidationAnnotationUtils;

import dev.mailslot.spring.listener.BatchListenerFailedException;
import dev.mailslot.spring.listener.MailslotBatchMessageListener;
import dev.mailslot.spring.support.MailslotHeaders;

/**
 * Calls a listener method with a batch: its {@code List<T>} parameter gets the payloads,
 * each converted to {@code T} as a single-message listener's payload is, or
 * {@code List<Message<T>>} the messages with their headers. Other parameters may take the
 * headers the batch shares, the mailslot and the server id. With {@code @Valid} (or
 * {@code @Validated}) on the batch parameter or its element type
 * ({@code List<@Valid Order>}), each payload is validated. A message that does not
 * convert or validate is named by a {@link BatchListenerFailedException}, after the
 * method was called with the messages before it, so that it goes to the error handler and
 * the messages after it come again as a batch.
 */
public class BatchMessagingMessageListenerAdapter implements MailslotBatchMessageListener {

	/**
	 * No arguments besides those resolved from the message; one array, not one per call.
	 */
	private static final Object[] NO_PROVIDED_ARGUMENTS = {};

	private final InvocableHandlerMethod handlerMethod;

	private final @Nullable MessageConverter converter;

	private final Class<?> payloadType;

	private final boolean messages;

	private final MethodParameter batchParameter;

	private final @Nullable Validator validator;

	private final Object @Nullable [] validationHints;

	/**
	 * Create an adapter for the given method.
	 * @param handlerMethod the method, bound to its bean, with one {@code List<T>} or
	 * {@code List<Message<T>>} parameter
	 * @param converter what converts each payload to {@code T}; needed unless {@code T}
	 * is {@code byte[]}
	 * @throws IllegalStateException if the method has no such parameter, or there is no
	 * converter for its {@code T}
	 */
	public BatchMessagingMessageListenerAdapter(InvocableHandlerMethod handlerMethod,
			@Nullable MessageConverter converter) {
		this(handlerMethod, converter, null);
	}

	/**
	 * Create an adapter for the given method that validates each payload of a
	 * {@code @Valid} (or {@code @Validated}) batch parameter, as a single-message
	 * listener's payload is validated.
	 * @param handlerMethod the method, bound to its bean, with one {@code List<T>} or
	 * {@code List<Message<T>>} parameter
	 * @param converter what converts each payload to {@code T}; needed unless {@code T}
	 * is {@code byte[]}
	 * @param validator what validates the payloads, or {@code null} not to validate them
	 * @throws IllegalStateException if the method has no such parameter, or there is no
	 * converter for its {@code T}
	 */
	public BatchMessagingMessageListenerAdapter(InvocableHandlerMethod handlerMethod,
			@Nullable MessageConverter converter, @Nullable Validator validator) {
		this.handlerMethod = handlerMethod;
		this.converter = converter;
		this.batchParameter = batchParameter(handlerMethod);
		this.validationHints = validationHints(this.batchParameter);
		this.validator = (this.validationHints != null) ? validator : null;
		ResolvableType element = ResolvableType.forMethodParameter(this.batchParameter).asCollection().getGeneric(0);
		this.messages = Message.class.equals(element.resolve());
		ResolvableType payload = this.messages ? element.getGeneric(0) : element;
		Class<?> resolved = payload.resolve(byte[].class);
		this.payloadType = Object.class.equals(resolved) ? byte[].class : resolved;
		if (this.payloadType != byte[].class && converter == null) {
			throw new IllegalStateException(describe() + " takes a batch of " + this.payloadType.getName()
					+ " but there is no message converter to convert payloads with; take List<byte[]>, or create "
					+ "the listener with a MailslotMessageHandlerMethodFactory that has one");
		}
	}

	private static MethodParameter batchParameter(InvocableHandlerMethod handlerMethod) {
		MethodParameter batch = null;
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			if (List.class.equals(parameter.getParameterType()) && !parameter.hasParameterAnnotation(Header.class)
					&& !parameter.hasParameterAnnotation(Headers.class)) {
				if (batch != null) {
					throw new IllegalStateException(handlerMethod.getShortLogMessage() + " takes batches but has more "
							+ "than one List parameter; keep one, such as List<Order> or List<Message<Order>>");
				}
				batch = parameter;
			}
		}
		if (batch == null) {
			throw new IllegalStateException(handlerMethod.getShortLogMessage() + " takes batches but has no List "
					+ "parameter for them; declare one, such as List<Order> or List<Message<Order>>");
		}
		return batch;
	}

	/**
	 * Return the validation hints of {@code @Valid} or {@code @Validated} on the batch
	 * parameter, or on its element type ({@code List<@Valid Order>}).
	 */
	private static Object @Nullable [] validationHints(MethodParameter parameter) {
		Object[] hints = validationHints(parameter.getParameterAnnotations());
		if (hints == null && parameter.getMethod() != null && parameter.getParameterIndex() >= 0
				&& parameter.getMethod().getAnnotatedParameterTypes()[parameter
					.getParameterIndex()] instanceof AnnotatedParameterizedType list) {
			hints = validationHints(list.getAnnotatedActualTypeArguments()[0].getAnnotations());
		}
		return hints;
	}

	private static Object @Nullable [] validationHints(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
			if (hints != null) {
				return hints;
			}
		}
		return null;
	}

	/**
	 * Convert the messages, then call the method with those that converted before the
	 * first that did not, if any, and name that one as failed.
	 */
	@Override
	public void onMessages(List<Message<byte[]>> batch) {
		List<Object> elements = new ArrayList<>(batch.size());
		for (Message<byte[]> message : batch) {
			try {
				elements.add(convert(message));
			}
			catch (RuntimeException ex) {
				int failed = elements.size();
				if (failed > 0) {
					invoke(batch, elements);
				}
				throw new BatchListenerFailedException(describe() + " could not take message " + failed
						+ " of its batch of " + batch.size() + ": " + ex.getMessage(), ex, failed);
			}
		}
		invoke(batch, elements);
	}

	private Object convert(Message<byte[]> message) {
		if (this.payloadType == byte[].class) {
			return this.messages ? message : message.getPayload();
		}
		MessageConverter converter = this.converter;
		Assert.state(converter != null,
				"No message converter: the constructor requires one for payloads other than byte[]");
		Object payload = converter.fromMessage(message, this.payloadType);
		if (payload == null) {
			throw new MessageConversionException(message, "Cannot convert a payload of " + message.getPayload().length
					+ " bytes to " + this.payloadType.getName());
		}
		validate(message, payload);
		return this.messages ? MessageBuilder.createMessage(payload, message.getHeaders()) : payload;
	}

	private void validate(Message<byte[]> message, Object payload) {
		Validator validator = this.validator;
		if (validator == null) {
			return;
		}
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(payload,
				ClassUtils.getShortNameAsProperty(payload.getClass()));
		Object[] hints = this.validationHints;
		if (validator instanceof SmartValidator smart && hints != null && hints.length > 0) {
			smart.validate(payload, errors, hints);
		}
		else {
			validator.validate(payload, errors);
		}
		if (errors.hasErrors()) {
			throw new MethodArgumentNotValidException(message, this.batchParameter, errors);
		}
	}

	private void invoke(List<Message<byte[]>> batch, List<Object> elements) {
		try {
			this.handlerMethod.invoke(MessageBuilder.createMessage(elements, sharedHeaders(batch)),
					NO_PROVIDED_ARGUMENTS);
		}
		catch (BatchListenerFailedException ex) {
			throw byIndex(ex, elements);
		}
		catch (MessagingException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ListenerExecutionFailedException(this.handlerMethod.getShortLogMessage(), ex);
		}
	}

	/**
	 * Name the failed message by its place, since the method names one of the payloads or
	 * messages it was given, not one the container read.
	 */
	private static BatchListenerFailedException byIndex(BatchListenerFailedException ex, List<Object> arguments) {
		Message<?> failed = ex.getFailedMessage();
		if (failed == null) {
			return ex;
		}
		for (int i = 0; i < arguments.size(); i++) {
			if (arguments.get(i) == failed) {
				return new BatchListenerFailedException(ex.getMessage(), ex.getFailure(), i);
			}
		}
		return ex;
	}

	private static MessageHeaders sharedHeaders(List<Message<byte[]>> batch) {
		MessageHeaders first = batch.get(0).getHeaders();
		Map<String, Object> shared = new HashMap<>(4);
		copy(first, MailslotHeaders.MAILSLOT, shared);
		copy(first, MailslotHeaders.SERVER_ID, shared);
		return new MessageHeaders(shared);
	}

	private static void copy(MessageHeaders from, String name, Map<String, Object> to) {
		Object value = from.get(name);
		if (value != null) {
			to.put(name, value);
		}
	}

	private String describe() {
		return this.handlerMethod.getShortLogMessage();
	}

	/**
	 * Return the method this adapter calls.
	 * @return the handler method
	 */
	public InvocableHandlerMethod getHandlerMethod() {
		return this.handlerMethod;
	}

}
