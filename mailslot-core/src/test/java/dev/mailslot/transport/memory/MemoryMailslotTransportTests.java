package dev.mailslot.transport.memory;

import dev.mailslot.MailslotTransport;
import dev.mailslot.MailslotTransportContractTests;
import dev.mailslot.MailslotTransports;

/**
 * The mailslot contract on the {@code memory} transport. Its mailslots live in one JVM,
 * so a second process finds none.
 */
class MemoryMailslotTransportTests extends MailslotTransportContractTests {

	@Override
	protected MailslotTransport transport() {
		return MailslotTransports.get("memory");
	}

	@Override
	protected boolean sharedAcrossProcesses() {
		return false;
	}

}
