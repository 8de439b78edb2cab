/**
 * Listener endpoints, their container factory and the registry that starts, stops, pauses
 * and resumes containers by id.
 */
@NullMarked
package dev.mailslot.spring.config;

import org.jspecify.annotations.NullMarked;
