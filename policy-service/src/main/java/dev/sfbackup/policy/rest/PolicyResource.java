package dev.sfbackup.policy.rest;

import dev.sfbackup.api.policy.PolicyHistoryEntry;
import dev.sfbackup.api.policy.PolicyRequest;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.policy.ScopeExtension;
import dev.sfbackup.api.policy.ScopeExtensionResult;
import dev.sfbackup.policy.service.PolicyService;
import dev.sfbackup.policy.service.ScopeExtensionService;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/**
 * Backup policies. Every answer carrying a policy has an ETag (its version); PUT and DELETE require If-Match with it
 * (428 without, 412 when the policy changed meanwhile); enable and disable check If-Match only when it is sent.
 */
@Path("/api/v1/policies")
public class PolicyResource {

    private final PolicyService policies;
    private final ScopeExtensionService scopeExtensions;

    public PolicyResource(PolicyService policies, ScopeExtensionService scopeExtensions) {
        this.policies = policies;
        this.scopeExtensions = scopeExtensions;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Audited("policy.create")
    public Response create(PolicyRequest request, @Context UriInfo uri) {
        PolicyView created = policies.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(new PolicyETag(created.version()).toEntityTag()).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<PolicyView> list() {
        return policies.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public Response get(@PathParam("id") UUID id) {
        return withETag(policies.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Audited("policy.update")
    public Response update(@PathParam("id") UUID id, @HeaderParam(PolicyETag.IF_MATCH) String ifMatch, PolicyRequest request) {
        return withETag(policies.update(id, PolicyETag.required(ifMatch), request));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Audited("policy.delete")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(PolicyETag.IF_MATCH) String ifMatch) {
        policies.delete(id, PolicyETag.required(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    @RolesAllowed(Roles.ADMIN)
    @Audited("policy.enable")
    public Response enable(@PathParam("id") UUID id, @HeaderParam(PolicyETag.IF_MATCH) String ifMatch) {
        return withETag(policies.setEnabled(id, true, PolicyETag.optional(ifMatch)));
    }

    @POST
    @Path("{id}/disable")
    @RolesAllowed(Roles.ADMIN)
    @Audited("policy.disable")
    public Response disable(@PathParam("id") UUID id, @HeaderParam(PolicyETag.IF_MATCH) String ifMatch) {
        return withETag(policies.setEnabled(id, false, PolicyETag.optional(ifMatch)));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed(Roles.VIEWER)
    public List<PolicyHistoryEntry> history(@PathParam("id") UUID id) {
        return policies.history(id);
    }

    /** Called by session-service with what it found in the org; adds only what the policy's auto-add flags allow. */
    @PATCH
    @Path("{id}/scope")
    @RolesAllowed(Roles.SESSION_SERVICE)
    @Audited("policy.scope.extend")
    public ScopeExtensionResult extendScope(@PathParam("id") UUID id, ScopeExtension extension) {
        return scopeExtensions.extend(id, extension);
    }

    private static Response withETag(PolicyView policy) {
        return Response.ok(policy).tag(new PolicyETag(policy.version()).toEntityTag()).build();
    }
}
