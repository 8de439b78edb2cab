/**
 * Auto-configuration beside {@code mailslot-spring-integration}.
 */
@NullMarked
package dev.mailslot.spring.boot.autoconfigure.integration;

import org.jspecify.annotations.NullMarked;
