/**
 * Micrometer meters of mailslots and their listeners.
 */
@NullMarked
package dev.mailslot.spring.boot.actuate.metrics;

import org.jspecify.annotations.NullMarked;
