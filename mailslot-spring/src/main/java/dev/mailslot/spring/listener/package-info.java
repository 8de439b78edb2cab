/**
 * Listener containers: each reads one mailslot and dispatches its messages, with retry
 * and a recoverer for failures.
 */
@NullMarked
package dev.mailslot.spring.listener;

import org.jspecify.annotations.NullMarked;
