package dev.handoff.rest;

import jakarta.validation.ParameterNameProvider;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.server.validation.ValidationConfig;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;

/**
 * Makes Bean Validation name a parameter as clients know it ({@code profileId}, {@code If-Match},
 * {@code shared_id}) rather than as the Java code does; an entity parameter is the body, {@code $}.
 */
final class WireParameterNames implements ParameterNameProvider, ContextResolver<ValidationConfig> {

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return new ValidationConfig().parameterNameProvider(this);
    }

    @Override
    public List<String> getParameterNames(Constructor<?> constructor) {
        return names(constructor);
    }

    @Override
    public List<String> getParameterNames(Method method) {
        return names(method);
    }

    private static List<String> names(Executable executable) {
        return Arrays.stream(executable.getParameters()).map(WireParameterNames::name).toList();
    }

    private static String name(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return parameter.getName().equals("body") ? RequestFields.BODY : parameter.getName();
    }
}
