/**
 * Spring Boot auto-configuration for mailslots.
 */
@NullMarked
package dev.mailslot.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
