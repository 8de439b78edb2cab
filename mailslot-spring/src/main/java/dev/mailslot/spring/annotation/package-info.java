/**
 * The {@code @MailslotListener} annotation and the infrastructure that finds it.
 */
@NullMarked
package dev.mailslot.spring.annotation;

import org.jspecify.annotations.NullMarked;
