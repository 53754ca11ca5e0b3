package dev.crmschema.runtime.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method parameter of type {@link RequestAuthentication.Caller}: it receives the
 * request's caller, and a request without a valid key gets 401 before the method runs
 * ({@link CallerParameterProvider}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Authenticated {}
