/**
 * The {@code posix} transport: same-host mailslots on Linux POSIX message queues, reached
 * through JNA. {@link dev.mailslot.transport.posix.PosixQueueNames} documents how a
 * mailslot name becomes a queue name, so programs in other languages can write to a
 * mailslot.
 */
@NullMarked
package dev.mailslot.transport.posix;

import org.jspecify.annotations.NullMarked;
