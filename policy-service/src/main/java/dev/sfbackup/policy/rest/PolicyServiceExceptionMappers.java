package dev.sfbackup.policy.rest;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.common.problem.Problem;
import dev.sfbackup.policy.client.RunAlreadyActiveException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors specific to this service; the general ones are rendered by backup-common's ProblemMappers. */
public class PolicyServiceExceptionMappers {

    /** session-service's own 409 answer goes back to the caller as it came. */
    @ServerExceptionMapper
    public Response runAlreadyActive(RunAlreadyActiveException e) {
        if (e.body() == null || e.body().isBlank()) {
            return render(ApiProblem.conflict(e.getMessage()));
        }
        return Response.status(409).type(e.contentType() == null ? Problem.MEDIA_TYPE : e.contentType()).entity(e.body()).build();
    }

    /** Two writers raced past the If-Match check; the later commit loses. */
    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return render(ApiProblem.preconditionFailed("the policy was changed by someone else meanwhile; GET it again and reapply your change"));
    }

    /** A unique name claimed by a concurrent request between our check and our insert. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        if (constraint.contains("name_unique")) {
            return render(ApiProblem.conflict("name", "the name is already taken; names are unique"));
        }
        return render(ApiProblem.conflict("the change conflicts with stored data (" + constraint + ")"));
    }

    private static Response render(ApiProblem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem()).build();
    }
}
