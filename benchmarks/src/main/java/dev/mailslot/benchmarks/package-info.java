/**
 * JMH benchmarks of the transports and the codec.
 */
@NullMarked
package dev.mailslot.benchmarks;

import org.jspecify.annotations.NullMarked;
