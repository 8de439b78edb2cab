package dev.mailslot;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a class logs through {@code System.Logger} (java.util.logging here) while this is
 * open.
 */
public final class RecordedLogs implements AutoCloseable {

	private final Logger logger;

	private final List<LogRecord> records = new CopyOnWriteArrayList<>();

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			RecordedLogs.this.records.add(record);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private RecordedLogs(Class<?> source) {
		this.logger = Logger.getLogger(source.getName());
		this.logger.addHandler(this.handler);
	}

	/**
	 * Start recording what a class logs.
	 * @param source the class whose logger to record
	 * @return the recording, to close when done
	 */
	public static RecordedLogs of(Class<?> source) {
		return new RecordedLogs(source);
	}

	/**
	 * Return the records so far.
	 * @return the records
	 */
	public List<LogRecord> records() {
		return List.copyOf(this.records);
	}

	/**
	 * Return the messages so far, with their parameters filled in.
	 * @return the messages
	 */
	public List<String> messages() {
		return this.records.stream()
			.map((record) -> MessageFormat.format(record.getMessage(), record.getParameters()))
			.toList();
	}

	@Override
	public void close() {
		this.logger.removeHandler(this.handler);
	}

}
