/**
 * Service-provider interface for mailslot transports.
 */
@NullMarked
package dev.mailslot.spi;

import org.jspecify.annotations.NullMarked;
