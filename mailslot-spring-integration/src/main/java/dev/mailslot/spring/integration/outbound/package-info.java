/**
 * The outbound channel adapter, which writes messages to mailslots with a
 * {@code MailslotTemplate}.
 */
@NullMarked
package dev.mailslot.spring.integration.outbound;

import org.jspecify.annotations.NullMarked;
