package dev.mailslot.spring.config;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Collects the endpoints a {@link MailslotListenerConfigurer} registers, each with the
 * container factory it names or the default one, and hands them to the
 * {@link MailslotListenerEndpointRegistry} once the configurers are done.
 */
public class MailslotListenerEndpointRegistrar {

	private final MailslotListenerContainerFactory defaultContainerFactory;

	private final List<Registration> registrations = new ArrayList<>();

	/**
	 * Create a registrar.
	 * @param defaultContainerFactory the factory of endpoints registered without one
	 */
	public MailslotListenerEndpointRegistrar(MailslotListenerContainerFactory defaultContainerFactory) {
		this.defaultContainerFactory = defaultContainerFactory;
	}

	/**
	 * Register an endpoint whose container the default factory creates.
	 * @param endpoint the endpoint
	 */
	public void registerEndpoint(MailslotListenerEndpoint endpoint) {
		registerEndpoint(endpoint, null);
	}

	/**
	 * Register an endpoint whose container a given factory creates.
	 * @param endpoint the endpoint
	 * @param containerFactory the factory, or {@code null} for the default one
	 */
	public void registerEndpoint(MailslotListenerEndpoint endpoint,
			@Nullable MailslotListenerContainerFactory containerFactory) {
		this.registrations.add(new Registration(endpoint,
				(containerFactory != null) ? containerFactory : this.defaultContainerFactory));
	}

	/**
	 * Create and register the containers of the endpoints registered so far, in order.
	 * @param registry the registry
	 */
	public void registerAll(MailslotListenerEndpointRegistry registry) {
		for (Registration registration : this.registrations) {
			registry.registerListenerContainer(registration.endpoint(), registration.containerFactory());
		}
		this.registrations.clear();
	}

	private record Registration(MailslotListenerEndpoint endpoint, MailslotListenerContainerFactory containerFactory) {
	}

}
