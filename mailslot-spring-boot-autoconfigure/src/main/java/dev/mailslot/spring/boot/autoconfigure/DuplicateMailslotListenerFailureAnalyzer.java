package dev.mailslot.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.mailslot.spring.config.DuplicateMailslotListenerException;

/**
 * Reports two {@code @MailslotListener} methods on one mailslot, or with one id.
 */
class DuplicateMailslotListenerFailureAnalyzer extends AbstractFailureAnalyzer<DuplicateMailslotListenerException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DuplicateMailslotListenerException failure) {
		return new FailureAnalysis(failure.getMessage(),
				"Change the mailslot or the id of one of the two " + "@MailslotListener methods.", failure);
	}

}
