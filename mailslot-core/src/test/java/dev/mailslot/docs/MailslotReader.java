package dev.mailslot.docs;

// tag::wakeup[]
import java.util.function.Consumer;

import dev.mailslot.MailslotServer;
import dev.mailslot.MailslotTimeoutException;
import dev.mailslot.ReadTimeout;

class MailslotReader {

	private final MailslotServer server;

	private final Consumer<byte[]> handler;

	private volatile boolean stopping;

	MailslotReader(MailslotServer server, Consumer<byte[]> handler) {
		this.server = server;
		this.handler = handler;
	}

	void readLoop() {                                   // on the reading thread
		while (!this.stopping) {
			try {
				this.handler.accept(this.server.read(ReadTimeout.FOREVER));
			}
			catch (MailslotTimeoutException ex) {       // also MailslotWakeupException: look at stopping again
			}
		}
	}

	void stop() {                                       // on any other thread
		this.stopping = true;
		this.server.wakeup();
	}

}
// end::wakeup[]
