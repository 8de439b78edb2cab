/**
 * Benchmarks of the starter's start-up and shutdown.
 */
@NullMarked
package dev.mailslot.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
