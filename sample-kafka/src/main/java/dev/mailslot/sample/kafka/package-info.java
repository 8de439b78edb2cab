/**
 * A sample that bridges a mailslot to a Kafka topic.
 */
@NullMarked
package dev.mailslot.sample.kafka;

import org.jspecify.annotations.NullMarked;
