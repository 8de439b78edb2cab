/**
 * The Java DSL for the mailslot channel adapters.
 */
@NullMarked
package dev.mailslot.spring.integration.dsl;

import org.jspecify.annotations.NullMarked;
