package dev.sfbackup.security;

import dev.sfbackup.common.problem.ApiProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Refuses org-limited callers on endpoints marked {@link EveryOrg}. */
@Provider
@EveryOrg
public class EveryOrgFilter implements ContainerRequestFilter {

    private final OrgScope scope;

    public EveryOrgFilter(OrgScope scope) {
        this.scope = scope;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!scope.everyOrg()) {
            throw new ApiProblem(403, "Forbidden", "this endpoint spans every org; a token limited to some orgs cannot use it",
                    List.of());
        }
    }
}
