/**
 * Windows mailslots as a plain Java API: {@link dev.mailslot.MailslotServer} reads,
 * {@link dev.mailslot.MailslotClient} writes, and a
 * {@link dev.mailslot.MailslotTransport} carries the messages. Nothing in this package or
 * its transports depends on Spring.
 */
@NullMarked
package dev.mailslot;

import org.jspecify.annotations.NullMarked;
