/**
 * Adapts annotated listener methods to the container's listener interface, with
 * spring-messaging's argument resolution.
 */
@NullMarked
package dev.mailslot.spring.listener.adapter;

import org.jspecify.annotations.NullMarked;
