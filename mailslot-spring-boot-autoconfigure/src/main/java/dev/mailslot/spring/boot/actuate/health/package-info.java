/**
 * Health of each mailslot, from GetMailslotInfo and its listener's state.
 */
@NullMarked
package dev.mailslot.spring.boot.actuate.health;

import org.jspecify.annotations.NullMarked;
