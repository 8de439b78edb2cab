/**
 * The {@code network} transport's wire format: the remote mailslot protocol ([MS-MAIL]),
 * an SMB_COM_TRANSACTION mailslot write carried in a NetBIOS datagram (RFC 1002) on UDP
 * port 138.
 */
@NullMarked
package dev.mailslot.transport.network;

import org.jspecify.annotations.NullMarked;
