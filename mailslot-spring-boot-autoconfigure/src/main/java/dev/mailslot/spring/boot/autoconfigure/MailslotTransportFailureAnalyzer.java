package dev.mailslot.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.mailslot.TransportUnavailableException;

/**
 * Reports a {@code mailslot.transport} that cannot run on this platform, or a network
 * transport that cannot start.
 */
class MailslotTransportFailureAnalyzer extends AbstractFailureAnalyzer<TransportUnavailableException> {

	private static final String NETWORK = "network";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TransportUnavailableException failure) {
		if (NETWORK.equals(failure.getTransport())) {
			return new FailureAnalysis("The network mailslot transport cannot be used:\n\n    " + failure.getMessage(),
					"To use mailslot.transport=network, set mailslot.network.enabled=true. If its UDP port cannot be "
							+ "bound, run with CAP_NET_BIND_SERVICE (ports below 1024), choose another "
							+ "mailslot.network.port or mailslot.network.bind-address, or stop the program that "
							+ "holds the port (such as Samba's nmbd); or set mailslot.network.enabled=false.",
					failure);
		}
		return new FailureAnalysis(
				"mailslot.transport=" + failure.getTransport() + " cannot be used:\n\n    " + failure.getMessage(),
				"Set mailslot.transport to a transport that can run here; 'memory' runs "
						+ "everywhere, within one JVM.",
				failure);
	}

}
