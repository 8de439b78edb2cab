/**
 * Message converters for mailslot payloads.
 */
@NullMarked
package dev.mailslot.spring.support.converter;

import org.jspecify.annotations.NullMarked;
