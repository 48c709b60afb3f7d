package dev.sfbackup.common.rest;

import dev.sfbackup.common.problem.ApiProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** A query parameter holding the NUL character (?object=%00) is refused naming it, before any resource reads it. */
public class NulCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                throw ApiProblem.badRequest(parameter.getKey().replace('\0', '?'), "must not contain the NUL character (%00)");
            }
        }
    }
}
