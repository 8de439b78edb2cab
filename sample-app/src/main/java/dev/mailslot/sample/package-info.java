/**
 * The sample application: the seed program, "Creating a Mailslot", as a Spring Boot
 * application.
 */
@NullMarked
package dev.mailslot.sample;

import org.jspecify.annotations.NullMarked;
