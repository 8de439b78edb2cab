package dev.mailslot.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;
import org.springframework.core.annotation.AliasFor;
import org.springframework.messaging.handler.annotation.MessageMappingReflectiveProcessor;

/**
 * Marks a method to be called with each message of a mailslot.
 * <p>
 * The mailslot is a server id configured under {@code mailslot.servers.<id>}, or a
 * mailslot name ({@code \\.\mailslot\orders}, or just {@code orders}); a name with no
 * configured server gets a server with the defaults. Attributes accept {@code ${...}}
 * placeholders and {@code #{...}} expressions; an attribute that sets a container option
 * comes before the matching {@code mailslot.listener.*} property, and an empty one leaves
 * it to the property. A mailslot has one listener.
 * <p>
 * The method may declare, in any order:
 * <ul>
 * <li>the payload as {@code byte[]}, {@code String} (in {@code mailslot.charset}),
 * {@code java.nio.ByteBuffer} (read-only), or any other type, read as JSON with Jackson 3
 * when it is on the class path; optionally annotated with {@code @Payload}, and with
 * {@code @Valid} (or {@code @Validated}) to validate it with the application's
 * validator</li>
 * <li>{@code org.springframework.messaging.Message<?>} with any of those payload
 * types</li>
 * <li>{@code @Header} arguments for the headers of
 * {@link dev.mailslot.spring.support.MailslotHeaders}: the mailslot name, the configured
 * server id, the size, the time received, and the sender where the transport knows
 * it</li>
 * <li>{@code @Headers Map<String, Object>} or {@code MessageHeaders} for all headers</li>
 * </ul>
 * A method that throws is called again as {@code mailslot.listener.retry.*} (or the
 * listener's retry attributes) says, then the message goes to the error handler, by
 * default the dead-letter directory. A payload that cannot be converted or fails
 * validation goes there at once.
 * <p>
 * Under Spring AOT the method and its payload types get reflection hints, as
 * {@code @MessageMapping} methods do, so that a native image can call it and bind its
 * payload.
 *
 * @see dev.mailslot.spring.config.MailslotListenerEndpointRegistry
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(MessageMappingReflectiveProcessor.class)
public @interface MailslotListener {

	/**
	 * Alias for {@link #mailslot()}.
	 * @return the mailslot
	 */
	@AliasFor("mailslot")
	String value() default "";

	/**
	 * The configured server id or the mailslot name to listen to.
	 * @return the mailslot
	 */
	@AliasFor("value")
	String mailslot() default "";

	/**
	 * The listener id, for the registry and the endpoint. Defaults to the server id, or
	 * the mailslot's path.
	 * @return the id
	 */
	String id() default "";

	/**
	 * Whether to start with the application: {@code true} or {@code false}. Defaults to
	 * {@code mailslot.listener.auto-startup}.
	 * @return whether to start automatically
	 */
	String autoStartup() default "";

	/**
	 * How many messages to process at once. Defaults to
	 * {@code mailslot.listener.concurrency}; 1 keeps the order in which messages were
	 * written.
	 * @return the concurrency
	 */
	String concurrency() default "";

	/**
	 * Whether the method takes messages in batches: {@code true} or {@code false}.
	 * Defaults to {@code mailslot.listener.type}. A batch method declares {@code List<T>}
	 * for the payloads, or {@code List<Message<T>>} for the messages with their headers,
	 * and gets up to {@link #batchMaxSize()} of them, in order: those waiting, and those
	 * arriving within {@link #batchMaxWait()} after the first. It may throw a
	 * {@link dev.mailslot.spring.listener.BatchListenerFailedException} to say which
	 * message failed; otherwise the whole batch is retried, then each of its messages
	 * goes to the error handler.
	 * @return whether the method takes batches
	 */
	String batch() default "";

	/**
	 * Most messages a batch method gets in one call: a whole number of at least 1.
	 * Defaults to {@code mailslot.listener.batch.max-size}.
	 * @return the largest batch
	 */
	String batchMaxSize() default "";

	/**
	 * How long, after a batch's first message, the reader waits for more before it calls
	 * a batch method: a duration such as {@code 500ms}, {@code 2s} or {@code PT2S};
	 * {@code 0} takes only the messages already waiting. Defaults to
	 * {@code mailslot.listener.batch.max-wait}.
	 * @return the longest wait to fill a batch
	 */
	String batchMaxWait() default "";

	/**
	 * How long a stop waits for the messages in flight, and a shutdown for the drain: a
	 * duration such as {@code 30s}. Defaults to
	 * {@code mailslot.listener.shutdown-timeout}.
	 * @return the shutdown timeout
	 */
	String shutdownTimeout() default "";

	/**
	 * After how long without a message the running container publishes a
	 * {@link dev.mailslot.spring.event.ListenerContainerIdleEvent}, and again each time
	 * as long: a duration such as {@code 30s}. Defaults to
	 * {@code mailslot.listener.idle-event-interval}, which is not set: no idle events.
	 * @return the idle event interval
	 */
	String idleEventInterval() default "";

	/**
	 * How many times to call the method again after it threw: a whole number, {@code 0}
	 * for no retries. Defaults to {@code mailslot.listener.retry.max-retries}.
	 * @return the most retries
	 */
	String maxRetries() default "";

	/**
	 * Delay before the first retry: a duration such as {@code 100ms}. Defaults to
	 * {@code mailslot.listener.retry.delay}.
	 * @return the first delay
	 */
	String retryDelay() default "";

	/**
	 * Factor by which the delay grows from one retry to the next: a number of at least 1.
	 * Defaults to {@code mailslot.listener.retry.multiplier}.
	 * @return the multiplier
	 */
	String retryMultiplier() default "";

	/**
	 * Longest delay between two retries: a duration such as {@code 5s}. Defaults to
	 * {@code mailslot.listener.retry.max-delay}.
	 * @return the longest delay
	 */
	String retryMaxDelay() default "";

	/**
	 * The name of a {@link dev.mailslot.spring.listener.MailslotErrorHandler} bean for
	 * messages this listener fails to process. Defaults to the application's error
	 * handler.
	 * @return the bean name
	 */
	String errorHandler() default "";

	/**
	 * The name of the {@link dev.mailslot.spring.config.MailslotListenerContainerFactory}
	 * bean that creates this listener's container, for a listener with its own
	 * concurrency, retries or error handling. Defaults to
	 * {@code mailslotListenerContainerFactory}.
	 * @return the bean name
	 */
	String containerFactory() default "";

}
