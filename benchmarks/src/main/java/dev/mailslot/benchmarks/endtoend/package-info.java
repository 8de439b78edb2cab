/**
 * End-to-end benchmarks: a writer in another process, a listener or a bare reader in this
 * one.
 */
@NullMarked
package dev.mailslot.benchmarks.endtoend;

import org.jspecify.annotations.NullMarked;
