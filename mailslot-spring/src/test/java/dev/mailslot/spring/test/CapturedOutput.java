package dev.mailslot.spring.test;

/**
 * What a test wrote to {@code System.out} and {@code System.err}, the log among it, given
 * to a test method by {@link OutputCaptureExtension}. As a {@code CharSequence} it is
 * both streams in the order they were written.
 */
public interface CapturedOutput extends CharSequence {

	/**
	 * Return what was written to both streams, in order.
	 * @return the output
	 */
	String getAll();

	/**
	 * Return what was written to {@code System.out}.
	 * @return the output
	 */
	String getOut();

	/**
	 * Return what was written to {@code System.err}.
	 * @return the output
	 */
	String getErr();

	@Override
	default int length() {
		return getAll().length();
	}

	@Override
	default char charAt(int index) {
		return getAll().charAt(index);
	}

	@Override
	default CharSequence subSequence(int start, int end) {
		return getAll().subSequence(start, end);
	}

}
