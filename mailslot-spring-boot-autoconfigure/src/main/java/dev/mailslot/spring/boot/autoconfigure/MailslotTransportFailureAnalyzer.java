package dev.mailslot.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.mailslot.TransportUnavailableException;

/**
 * Reports a {@code mailslot.transport} that cannot run on this platform.
 */
class MailslotTransportFailureAnalyzer extends AbstractFailureAnalyzer<TransportUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TransportUnavailableException failure) {
		return new FailureAnalysis("mailslot.transport=" + failure.getTransport() + " cannot be used:\n\n    "
				+ failure.getMessage(), "Set mailslot.transport to a transport that can run here; 'memory' runs "
						+ "everywhere, within one JVM.",
				failure);
	}

}
