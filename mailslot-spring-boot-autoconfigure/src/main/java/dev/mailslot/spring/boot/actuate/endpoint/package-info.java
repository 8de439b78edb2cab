/**
 * The {@code mailslots} actuator endpoint: servers, listeners and their counts; pause, resume, start and stop by listener id.
 */
@NullMarked
package dev.mailslot.spring.boot.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
