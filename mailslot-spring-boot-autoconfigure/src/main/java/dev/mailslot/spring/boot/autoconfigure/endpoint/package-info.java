/**
 * Auto-configuration of the {@code mailslots} endpoint.
 */
@NullMarked
package dev.mailslot.spring.boot.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
