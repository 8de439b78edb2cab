/**
 * Auto-configuration of mailslot health.
 */
@NullMarked
package dev.mailslot.spring.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
