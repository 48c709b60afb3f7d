package dev.sfbackup.security.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes an audit entry for every call of the endpoint, whatever its outcome: {@code @Audited("policy.update")}. The
 * target is the request path (for a 201, the Location of what was created); {@code query} names the query parameters
 * worth keeping (for example the as-of time of a record read), never ones that carry record values.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** The action, as the audit search filters it: {@code <thing>.<verb>}. */
    String value();

    /** Query parameters copied into the entry's details. */
    String[] query() default {};
}
