/**
 * The {@code mailslots} actuator endpoint: servers, listeners and their counts; pause,
 * resume, start and stop by listener id, and replay of its dead letters.
 */
@NullMarked
package dev.mailslot.spring.boot.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
