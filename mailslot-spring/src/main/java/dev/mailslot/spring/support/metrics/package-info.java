/**
 * Micrometer meters of mailslots and their listeners, as a {@code MeterBinder}; needs
 * {@code micrometer-core}, which is optional.
 */
@NullMarked
package dev.mailslot.spring.support.metrics;

import org.jspecify.annotations.NullMarked;
