/**
 * Support classes of the Spring integration: message header names.
 */
@NullMarked
package dev.mailslot.spring.support;

import org.jspecify.annotations.NullMarked;
