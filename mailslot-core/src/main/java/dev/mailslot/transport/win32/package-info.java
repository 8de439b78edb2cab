/**
 * The {@code win32} transport: real kernel32 mailslots through JNA. Native libraries load
 * on first use only, so the library runs on Linux without touching kernel32.
 */
@NullMarked
package dev.mailslot.transport.win32;

import org.jspecify.annotations.NullMarked;
