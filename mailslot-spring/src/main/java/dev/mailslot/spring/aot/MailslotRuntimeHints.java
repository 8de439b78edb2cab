package dev.mailslot.spring.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Runtime hints for what the mailslot library reaches reflectively, so that a native image keeps
 * it:
 * <ul>
 * <li>JNA: the proxies of its {@code Library} interfaces (win32's kernel32, advapi32 and ntdll
 * bindings, posix's variadic calls), the class whose native methods posix registers directly, and
 * the structures it passes;</li>
 * <li>the transports, which {@code MailslotTransports} finds with {@code ServiceLoader};</li>
 * <li>the root object of {@code @SendTo} expressions.</li>
 * </ul>
 * JNA's own classes are described by GraalVM's reachability metadata for JNA. Listener methods and
 * their payload types get their hints from {@code @MailslotListener}, which is {@code @Reflective}.
 */
public class MailslotRuntimeHints implements RuntimeHintsRegistrar {

	/** JNA {@code Library} interfaces, each loaded as a JDK proxy. */
	static final String[] LIBRARIES = { "dev.mailslot.transport.posix.JnaPosixCalls$Variadic",
			"dev.mailslot.transport.win32.MailslotKernel32", "dev.mailslot.transport.win32.MailslotAdvapi32",
			"dev.mailslot.transport.win32.MailslotNtdll" };

	/** The class whose native methods JNA registers directly ({@code Native.register}). */
	static final String DIRECT_MAPPING = "dev.mailslot.transport.posix.JnaPosixCalls$Direct";

	/** Structures JNA reads and writes field by field. */
	static final String[] STRUCTURES = { "com.sun.jna.platform.win32.WinBase$SECURITY_ATTRIBUTES" };

	/** What {@code @SendTo} expressions read reflectively. */
	static final String REPLY_EXPRESSION_ROOT = "dev.mailslot.spring.listener.adapter.ReplyExpressionRoot";

	static final String PROVIDER_CONFIGURATION = "META-INF/services/dev.mailslot.spi.MailslotTransportProvider";

	static final String[] PROVIDERS = { "dev.mailslot.transport.win32.Win32TransportProvider",
			"dev.mailslot.transport.posix.PosixTransportProvider",
			"dev.mailslot.transport.memory.MemoryTransportProvider",
			"dev.mailslot.transport.network.NetworkTransportProvider" };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String library : LIBRARIES) {
			hints.proxies().registerJdkProxy(TypeReference.of(library));
			hints.reflection().registerType(TypeReference.of(library), MemberCategory.INVOKE_PUBLIC_METHODS);
		}
		hints.reflection().registerType(TypeReference.of(DIRECT_MAPPING), MemberCategory.INVOKE_DECLARED_METHODS);
		hints.jni().registerType(TypeReference.of(DIRECT_MAPPING), MemberCategory.INVOKE_DECLARED_METHODS);
		for (String structure : STRUCTURES) {
			hints.reflection().registerType(TypeReference.of(structure), MemberCategory.ACCESS_PUBLIC_FIELDS,
					MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
		hints.reflection().registerType(TypeReference.of(REPLY_EXPRESSION_ROOT), MemberCategory.INVOKE_PUBLIC_METHODS);
		hints.resources().registerPattern(PROVIDER_CONFIGURATION);
		for (String provider : PROVIDERS) {
			hints.reflection().registerType(TypeReference.of(provider), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		}
	}

}
