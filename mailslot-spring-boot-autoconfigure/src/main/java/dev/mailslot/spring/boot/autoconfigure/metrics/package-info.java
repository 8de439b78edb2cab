/**
 * Auto-configuration of mailslot metrics.
 */
@NullMarked
package dev.mailslot.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
