package dev.handoff.rest;

import dev.handoff.domain.service.HandoffApplication;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.internal.ResourceMethodInvocationHandlerProvider;
import org.glassfish.jersey.server.validation.ValidationFeature;

import java.util.Objects;

/**
 * The REST adapter's entry point: the Jersey application serving the Handoffs API and the
 * handoff-state API over the domain's use cases, to be mounted at {@code /}.
 *
 * <p>Every endpoint needs an {@code x-api-key} except {@code /health} and {@code /openapi.json},
 * which the filter leaves open so that the server can add a health check beside this application.
 */
public final class HandoffRestApi {

    private HandoffRestApi() {
    }

    public static ResourceConfig resourceConfig(HandoffApplication application, RestSettings settings) {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(settings, "settings");
        ResourceConfig config = new ResourceConfig();
        // everything is registered by hand: nothing enters from the classpath unseen
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);

        config.register(HandoffsResource.class);
        config.register(HandoffStateResource.class);
        config.register(OpenApiResource.class);
        config.register(instances(application));

        config.register(new ApiKeyFilter(application.authenticateApiKey(), settings.region()));
        config.register(new BodySizeLimit(settings.maxBodyBytes()));
        config.register(new ProblemForBareErrors());
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new StrictJson());
        config.register(ValidationFeature.class);
        config.register(new WireParameterNames());

        config.register(new DomainExceptionMappers.InvalidInputMapper());
        config.register(new DomainExceptionMappers.NotFoundMapper());
        config.register(new DomainExceptionMappers.ConflictMapper());
        config.register(new DomainExceptionMappers.StaleVersionMapper());
        config.register(new DomainExceptionMappers.TooLargeMapper());
        config.register(new DomainExceptionMappers.IdempotencyKeyReusedMapper());
        config.register(new DomainExceptionMappers.UnavailableMapper());
        config.register(new HttpExceptionMappers.UnreadableJsonMapper());
        config.register(new HttpExceptionMappers.ConstraintViolationMapper());
        config.register(new HttpExceptionMappers.BodyTooLargeMapper());
        config.register(new HttpExceptionMappers.WebApplicationExceptionMapper());
        config.register(new HttpExceptionMappers.LastResortMapper());
        return config;
    }

    /**
     * The resources, built here with the use cases they need; Jersey looks them up rather than
     * constructing them. (Registered as instances instead, Jersey would log a spurious warning for
     * each, eclipse-ee4j/jersey#3700.) Also the invoker that lets Jersey call their methods.
     */
    private static AbstractBinder instances(HandoffApplication application) {
        return new AbstractBinder() {
            @Override
            protected void configure() {
                bind(new HandoffsResource(application)).to(HandoffsResource.class);
                bind(new HandoffStateResource(application)).to(HandoffStateResource.class);
                bind(new OpenApiResource()).to(OpenApiResource.class);
                bind(new ResourceMethodInvoker()).to(ResourceMethodInvocationHandlerProvider.class);
            }
        };
    }
}
