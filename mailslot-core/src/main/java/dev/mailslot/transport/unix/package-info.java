/**
 * The {@code unix} transport: same-host mailslots on Unix domain stream sockets (JEP
 * 380), in plain JDK. {@link dev.mailslot.transport.unix.UnixSocketNames} documents where
 * a mailslot's socket is and {@link dev.mailslot.transport.unix.UnixWireFormat} what a
 * writer sends, so programs in other languages can write to a mailslot.
 */
@NullMarked
package dev.mailslot.transport.unix;

import org.jspecify.annotations.NullMarked;
