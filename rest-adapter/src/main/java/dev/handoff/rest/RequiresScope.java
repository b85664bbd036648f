package dev.handoff.rest;

import dev.handoff.domain.model.Scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The scope an API key needs for a resource method; {@link ApiKeyFilter} enforces it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface RequiresScope {

    Scope value();
}
