package dev.mailslot.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Captures {@code System.out} and {@code System.err} for each test, still writing them
 * through, and gives a {@link CapturedOutput} parameter to the test method: what Spring
 * Boot's extension of the same name does, for this module, whose tests have no Boot on
 * their class path. The log reaches it because Logback's console appender writes to
 * whichever {@code System.err} is current.
 */
public class OutputCaptureExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(OutputCaptureExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		context.getStore(NAMESPACE).put(Capture.class, new Capture());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		context.getStore(NAMESPACE).remove(Capture.class, Capture.class).release();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == CapturedOutput.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getStore(NAMESPACE).get(Capture.class, Capture.class);
	}

	/**
	 * The streams of one test: both written to the originals and kept, each alone and
	 * together.
	 */
	private static final class Capture implements CapturedOutput {

		private final PrintStream originalOut = System.out;

		private final PrintStream originalErr = System.err;

		private final ByteArrayOutputStream all = new ByteArrayOutputStream();

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private final ByteArrayOutputStream err = new ByteArrayOutputStream();

		Capture() {
			System.setOut(tee(this.originalOut, this.out));
			System.setErr(tee(this.originalErr, this.err));
		}

		private PrintStream tee(PrintStream original, ByteArrayOutputStream own) {
			return new PrintStream(new OutputStream() {

				@Override
				public void write(int b) {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) {
					synchronized (Capture.this) {
						own.write(bytes, offset, length);
						Capture.this.all.write(bytes, offset, length);
					}
					original.write(bytes, offset, length);
				}

				@Override
				public void flush() {
					original.flush();
				}

			}, true, Charset.defaultCharset());
		}

		void release() {
			System.setOut(this.originalOut);
			System.setErr(this.originalErr);
		}

		@Override
		public synchronized String getAll() {
			return this.all.toString(charset());
		}

		@Override
		public synchronized String getOut() {
			return this.out.toString(charset());
		}

		@Override
		public synchronized String getErr() {
			return this.err.toString(charset());
		}

		private Charset charset() {
			return Charset.defaultCharset();
		}

		@Override
		public String toString() {
			return getAll();
		}

	}

}
