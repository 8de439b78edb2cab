package dev.mailslot.spring.core;

import org.springframework.beans.factory.DisposableBean;

import dev.mailslot.transport.network.NetworkMailslotTransport;

/**
 * The application's running {@code network} transport: it receives remote mailslot writes
 * for the servers of {@code mailslot.transport=network} and carries the template's writes
 * to remote names. Stops receiving when the application stops.
 */
public class MailslotNetwork implements DisposableBean {

	private final NetworkMailslotTransport transport;

	public MailslotNetwork(NetworkMailslotTransport transport) {
		this.transport = transport;
	}

	public NetworkMailslotTransport getTransport() {
		return this.transport;
	}

	@Override
	public void destroy() {
		this.transport.close();
	}

}
