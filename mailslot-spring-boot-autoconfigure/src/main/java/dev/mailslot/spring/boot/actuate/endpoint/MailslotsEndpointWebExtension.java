package dev.mailslot.spring.boot.actuate.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The {@link MailslotsEndpoint} over HTTP: a request with an unknown listener id or action is
 * answered with {@code 400 Bad Request} and a body that says why (the unknown id and the ids there
 * are, or the actions there are), which Spring Boot's error page leaves out unless
 * {@code server.error.include-message} says otherwise.
 */
@EndpointWebExtension(endpoint = MailslotsEndpoint.class)
public class MailslotsEndpointWebExtension {

	private final MailslotsEndpoint endpoint;

	public MailslotsEndpointWebExtension(MailslotsEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@ReadOperation
	public WebEndpointResponse<Object> listener(@Selector String id) {
		return respond(() -> this.endpoint.listener(id));
	}

	@WriteOperation
	public WebEndpointResponse<Object> control(@Selector String id, String action) {
		return respond(() -> this.endpoint.control(id, action));
	}

	private static WebEndpointResponse<Object> respond(Supplier<Object> operation) {
		try {
			return new WebEndpointResponse<>(operation.get());
		}
		catch (InvalidEndpointRequestException ex) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("timestamp", Instant.now().toString());
			body.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
			body.put("error", "Bad Request");
			body.put("message", ex.getMessage());
			return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

}
