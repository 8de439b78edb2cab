package dev.mailslot.transport.unix;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransportContractTests;
import dev.mailslot.MailslotTransports;

/**
 * The mailslot contract on the {@code unix} transport, on real Unix domain sockets. A server asked
 * for any message size takes {@link UnixWireFormat#DEFAULT_MAX_MESSAGE_SIZE} and reports it. Nothing
 * is relaxed.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD })
class UnixMailslotTransportTests extends MailslotTransportContractTests {

	@Override
	protected MailslotTransport transport() {
		return MailslotTransports.get("unix");
	}

	@Override
	protected int expectedMaxMessageSize(int asked) {
		return (asked != 0) ? asked : UnixWireFormat.DEFAULT_MAX_MESSAGE_SIZE;
	}

}
