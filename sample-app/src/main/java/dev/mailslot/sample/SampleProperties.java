package dev.mailslot.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample application.
 *
 * @param mailslot name of the sample mailslot
 * @param transport mailslot transport: auto, win32, posix or memory
 * @param mode whether to read the mailslot or write three messages to it
 */
@ConfigurationProperties("sample")
public record SampleProperties(String mailslot, String transport, Mode mode) {

	/**
	 * What the sample does.
	 */
	public enum Mode {

		/** Create the mailslot and log every message. */
		READER,

		/** Write three messages to the mailslot and exit. */
		WRITER

	}

}
