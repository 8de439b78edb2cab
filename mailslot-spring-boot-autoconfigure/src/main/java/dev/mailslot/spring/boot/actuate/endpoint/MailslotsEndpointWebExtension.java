package dev.mailslot.spring.boot.actuate.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import dev.mailslot.spring.listener.DeadLetterReplayInProgressException;

/**
 * The {@link MailslotsEndpoint} over HTTP: a request with an unknown listener id or
 * action is answered with {@code 400 Bad Request} and a body that says why (the unknown
 * id and the ids there are, or the actions there are), which Spring Boot's error page
 * leaves out unless {@code server.error.include-message} says otherwise; a replay asked
 * for while another one runs is answered with {@code 409 Conflict}.
 */
@EndpointWebExtension(endpoint = MailslotsEndpoint.class)
public class MailslotsEndpointWebExtension {

	private static final int STATUS_CONFLICT = 409;

	private final MailslotsEndpoint endpoint;

	public MailslotsEndpointWebExtension(MailslotsEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@ReadOperation
	public WebEndpointResponse<Object> listener(@Selector String id) {
		return respond(() -> this.endpoint.listener(id));
	}

	@WriteOperation
	public WebEndpointResponse<Object> control(@Selector String id, String action, @Nullable String target) {
		return respond(() -> this.endpoint.control(id, action, target));
	}

	private static WebEndpointResponse<Object> respond(Supplier<Object> operation) {
		try {
			return new WebEndpointResponse<>(operation.get());
		}
		catch (InvalidEndpointRequestException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, "Bad Request", ex.getMessage());
		}
		catch (DeadLetterReplayInProgressException ex) {
			return error(STATUS_CONFLICT, "Conflict", ex.getMessage());
		}
	}

	private static WebEndpointResponse<Object> error(int status, String error, @Nullable String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("timestamp", Instant.now().toString());
		body.put("status", status);
		body.put("error", error);
		body.put("message", message);
		return new WebEndpointResponse<>(body, status);
	}

}
