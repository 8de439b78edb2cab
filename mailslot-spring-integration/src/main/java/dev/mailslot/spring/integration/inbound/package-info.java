/**
 * The message-driven inbound channel adapter, fed by a mailslot listener container.
 */
@NullMarked
package dev.mailslot.spring.integration.inbound;

import org.jspecify.annotations.NullMarked;
