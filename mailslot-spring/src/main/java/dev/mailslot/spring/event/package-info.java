/**
 * Application events of listener containers: started, stopped, paused, resumed, failed
 * and idle.
 */
@NullMarked
package dev.mailslot.spring.event;

import org.jspecify.annotations.NullMarked;
