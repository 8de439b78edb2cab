/**
 * The {@code mailslot.listener} observation around each dispatch, and its convention.
 */
@NullMarked
package dev.mailslot.spring.support.observation;

import org.jspecify.annotations.NullMarked;
