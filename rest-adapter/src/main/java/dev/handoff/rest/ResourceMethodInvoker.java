package dev.handoff.rest;

import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.spi.internal.ResourceMethodInvocationHandlerProvider;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Lets Jersey call the resource methods of this package's classes while they stay package-private.
 * Jersey invokes resource methods by reflection, which Java refuses for a class that is not public;
 * a method handle looked up from this package has this package's access. Failures are reported the
 * way reflection reports them, so Jersey maps them to responses as usual.
 */
final class ResourceMethodInvoker implements ResourceMethodInvocationHandlerProvider {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    @Override
    public InvocationHandler create(Invocable invocable) {
        Method method = invocable.getHandlingMethod();
        if (!method.getDeclaringClass().getPackageName().equals(ResourceMethodInvoker.class.getPackageName())) {
            return null; // not ours: Jersey's default applies
        }
        MethodHandle handle = unreflect(method).asSpreader(Object[].class, method.getParameterCount());
        return (resource, ignored, arguments) -> {
            try {
                return handle.invoke(resource, arguments == null ? new Object[0] : arguments);
            } catch (Throwable failure) {
                throw new InvocationTargetException(failure);
            }
        };
    }

    private static MethodHandle unreflect(Method method) {
        try {
            return LOOKUP.unreflect(method);
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException("this package can always reach its own methods: " + method, impossible);
        }
    }
}
