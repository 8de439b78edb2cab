package dev.mailslot.spring.listener.adapter;

import org.springframework.messaging.Message;

/**
 * What a {@code @SendTo} expression in {@code !{...}} is evaluated against: the message
 * the listener received ({@code request}, with its payload and headers) and what the
 * listener returned ({@code result}). For example
 * {@code !{request.headers['mailslot_serverId'] + '-replies'}}.
 */
public final class ReplyExpressionRoot {

	private final Message<byte[]> request;

	private final Object result;

	ReplyExpressionRoot(Message<byte[]> request, Object result) {
		this.request = request;
		this.result = result;
	}

	/**
	 * Return the message the listener received.
	 * @return the request
	 */
	public Message<byte[]> getRequest() {
		return this.request;
	}

	/**
	 * Return what the listener returned, the reply's payload.
	 * @return the result
	 */
	public Object getResult() {
		return this.result;
	}

}
