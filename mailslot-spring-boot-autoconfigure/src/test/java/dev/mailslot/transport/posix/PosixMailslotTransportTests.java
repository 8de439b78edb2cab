package dev.mailslot.transport.posix;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransportContractTests;
import dev.mailslot.MailslotTransports;

/**
 * The mailslot contract on the {@code posix} transport, on real kernel message queues. A server
 * asked for any message size gets the system's largest, {@code fs.mqueue.msgsize_max}, and reports
 * it.
 */
@EnabledOnOs(OS.LINUX)
class PosixMailslotTransportTests extends MailslotTransportContractTests {

	@Override
	protected MailslotTransport transport() {
		return MailslotTransports.get("posix");
	}

	@Override
	protected int expectedMaxMessageSize(int asked) {
		return (asked != 0) ? asked : PosixQueueLimits.current().msgsizeMax();
	}

}
