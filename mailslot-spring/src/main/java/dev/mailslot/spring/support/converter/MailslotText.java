package dev.mailslot.spring.support.converter;

import java.nio.charset.Charset;

import org.springframework.util.Assert;

/**
 * How a mailslot's text is written: its charset, and whether each message ends with a NUL
 * terminator in that charset, as Windows programs in C write a TCHAR string
 * ({@code (lstrlen(text) + 1) * sizeof(TCHAR)} bytes: UTF-16LE in a UNICODE build, the
 * code page in an ANSI build).
 *
 * @param charset the charset of the text
 * @param nulTerminated whether written text ends with a NUL terminator
 */
public record MailslotText(Charset charset, boolean nulTerminated) {

	public MailslotText {
		Assert.notNull(charset, "charset must not be null");
	}

}
