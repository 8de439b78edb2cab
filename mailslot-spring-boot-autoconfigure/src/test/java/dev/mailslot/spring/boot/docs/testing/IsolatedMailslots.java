package dev.mailslot.spring.boot.docs.testing;

// tag::isolated[]
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.mailslot.MailslotTransport;
import dev.mailslot.transport.memory.MemoryMailslotTransport;

@TestConfiguration(proxyBeanMethods = false)
class IsolatedMailslots {

	@Bean
	MailslotTransport mailslotTransport() {
		return MemoryMailslotTransport.isolated("memory");
	}

}
// end::isolated[]
