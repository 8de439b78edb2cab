package dev.mailslot.spring.boot.docs.batch;

/**
 * Thrown by the {@link Ledger} for an order it refuses.
 */
class LedgerException extends Exception {

	LedgerException(String message) {
		super(message);
	}

}
