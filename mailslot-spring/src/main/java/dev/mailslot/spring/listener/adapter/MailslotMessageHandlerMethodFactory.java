package dev.mailslot.spring.listener.adapter;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageMethodArgumentResolver;
import org.springframework.messaging.handler.annotation.support.PayloadMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.Assert;
import org.springframework.validation.Validator;

/**
 * spring-messaging's {@link DefaultMessageHandlerMethodFactory} for mailslot listeners,
 * where an empty message is a message like any other: a mailslot carries zero-length
 * messages, and spring-messaging would refuse them as a missing payload. {@code byte[]},
 * {@code String}, {@code ByteBuffer} and {@code Message<?>} arguments receive them; a
 * type read from JSON still fails conversion, since no JSON is empty.
 */
public class MailslotMessageHandlerMethodFactory extends DefaultMessageHandlerMethodFactory {

	private @Nullable MessageConverter messageConverter;

	private @Nullable Validator validator;

	@Override
	public void setMessageConverter(MessageConverter messageConverter) {
		super.setMessageConverter(messageConverter);
		this.messageConverter = messageConverter;
	}

	/**
	 * Return the converter of payloads, which batch listeners use for each message of a
	 * batch.
	 * @return the message converter, or {@code null} if none was set
	 */
	public @Nullable MessageConverter getMessageConverter() {
		return this.messageConverter;
	}

	@Override
	public void setValidator(Validator validator) {
		super.setValidator(validator);
		this.validator = validator;
	}

	/**
	 * Return the validator of {@code @Valid} payloads, which batch listeners use for each
	 * payload of a batch.
	 * @return the validator, or {@code null} if none was set
	 */
	public @Nullable Validator getValidator() {
		return this.validator;
	}

	@Override
	protected List<HandlerMethodArgumentResolver> initArgumentResolvers() {
		MessageConverter converter = this.messageConverter;
		Assert.state(converter != null, "A message converter is required");
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(super.initArgumentResolvers());
		resolvers.replaceAll((resolver) -> {
			if (resolver instanceof PayloadMethodArgumentResolver) {
				return new EmptyPayloadArgumentResolver(converter, this.validator);
			}
			if (resolver instanceof MessageMethodArgumentResolver) {
				return new EmptyPayloadMessageArgumentResolver(converter);
			}
			return resolver;
		});
		return resolvers;
	}

	/**
	 * Resolves {@code @Payload} arguments, converting an empty payload instead of
	 * refusing it.
	 */
	private static final class EmptyPayloadArgumentResolver extends PayloadMethodArgumentResolver {

		EmptyPayloadArgumentResolver(MessageConverter converter, @Nullable Validator validator) {
			super(converter, validator);
		}

		@Override
		protected boolean isEmptyPayload(@Nullable Object payload) {
			return payload == null;
		}

	}

	/**
	 * Resolves {@code Message<?>} arguments, converting an empty payload instead of
	 * refusing it.
	 */
	private static final class EmptyPayloadMessageArgumentResolver extends MessageMethodArgumentResolver {

		EmptyPayloadMessageArgumentResolver(MessageConverter converter) {
			super(converter);
		}

		@Override
		protected boolean isEmptyPayload(@Nullable Object payload) {
			return payload == null;
		}

	}

}
