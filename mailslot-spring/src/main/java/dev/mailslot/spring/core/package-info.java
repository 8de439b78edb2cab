/**
 * Mailslot servers as Spring beans, and {@link dev.mailslot.spring.core.MailslotTemplate}
 * for sending.
 */
@NullMarked
package dev.mailslot.spring.core;

import org.jspecify.annotations.NullMarked;
