package dev.mailslot.spring.config;

/**
 * Registers listener endpoints in code, beside or instead of {@code @MailslotListener}
 * methods: every bean of this type is called once all singletons exist, before the
 * listeners start.
 */
@FunctionalInterface
public interface MailslotListenerConfigurer {

	/**
	 * Register endpoints.
	 * @param registrar where to register them
	 */
	void configureMailslotListeners(MailslotListenerEndpointRegistrar registrar);

}
