package dev.mailslot.spring.aot;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Runtime hints for what the Spring layer reaches reflectively, so that a native image
 * keeps it: the root object of {@code @SendTo} expressions. What mailslot-core reaches
 * (its JNA bindings and the transports {@code ServiceLoader} finds) is in core's own
 * reachability metadata, under {@code META-INF/native-image/dev.mailslot/mailslot-core},
 * which every native image that has core reads. Listener methods and their payload types
 * get their hints from {@code @MailslotListener}, which is {@code @Reflective}.
 */
public class MailslotRuntimeHints implements RuntimeHintsRegistrar {

	/** What {@code @SendTo} expressions read reflectively. */
	static final String REPLY_EXPRESSION_ROOT = "dev.mailslot.spring.listener.adapter.ReplyExpressionRoot";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerType(TypeReference.of(REPLY_EXPRESSION_ROOT), MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
