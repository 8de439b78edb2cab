/**
 * Spring AOT support: runtime hints for what the library reaches reflectively.
 */
@NullMarked
package dev.mailslot.spring.aot;

import org.jspecify.annotations.NullMarked;
