/**
 * The {@code memory} transport: mailslots inside this JVM, with the same contract as
 * Windows mailslots, for testing listeners without an operating-system mailslot.
 */
@NullMarked
package dev.mailslot.transport.memory;

import org.jspecify.annotations.NullMarked;
