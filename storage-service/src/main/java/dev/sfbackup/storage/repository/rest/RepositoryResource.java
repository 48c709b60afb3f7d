package dev.sfbackup.storage.repository.rest;

import dev.sfbackup.api.storage.repository.CreateRepository;
import dev.sfbackup.api.storage.repository.GcReport;
import dev.sfbackup.api.storage.repository.RepositoryView;
import dev.sfbackup.api.storage.repository.VerifyReport;
import dev.sfbackup.common.rest.QueryParameters;
import dev.sfbackup.security.EveryOrg;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.repository.service.RepositoryService;
import dev.sfbackup.storage.repository.service.VerifyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Repositories hold every org's files: changing, verifying or collecting one needs a token of every org. */
@Path("/api/v1/repositories")
public class RepositoryResource {

    private final RepositoryService repositories;
    private final VerifyService verifier;

    public RepositoryResource(RepositoryService repositories, VerifyService verifier) {
        this.repositories = repositories;
        this.verifier = verifier;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    @Audited("repository.create")
    public Response create(CreateRepository request) {
        RepositoryView created = repositories.create(request);
        return Response.created(URI.create("/api/v1/repositories/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<RepositoryView> list() {
        return repositories.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public RepositoryView get(@PathParam("id") UUID id) {
        return repositories.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    @Audited("repository.update")
    public RepositoryView update(@PathParam("id") UUID id, CreateRepository request) {
        return repositories.update(id, request);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    @Audited("repository.delete")
    public Response delete(@PathParam("id") UUID id) {
        repositories.delete(id);
        return Response.noContent().build();
    }

    /** policy-service registers each policy that refers to the repository; 404 when the repository does not exist. */
    @PUT
    @Path("{id}/users/{policyId}")
    @RolesAllowed(Roles.SERVICE)
    @EveryOrg
    @Audited("repository.user.register")
    public Response registerUser(@PathParam("id") UUID id, @PathParam("policyId") UUID policyId) {
        repositories.registerUser(id, policyId);
        return Response.noContent().build();
    }

    /** The policy no longer refers to the repository (deleted, or moved to another). */
    @DELETE
    @Path("{id}/users/{policyId}")
    @RolesAllowed(Roles.SERVICE)
    @EveryOrg
    @Audited("repository.user.release")
    public Response releaseUser(@PathParam("id") UUID id, @PathParam("policyId") UUID policyId) {
        repositories.releaseUser(id, policyId);
        return Response.noContent().build();
    }

    /** readData: percentage of packs to download and authenticate (0 = structure only). */
    @POST
    @Path("{id}/verify")
    @RolesAllowed(Roles.OPERATOR)
    @EveryOrg
    @Audited(value = "repository.verify", query = "readData")
    public VerifyReport verify(@PathParam("id") UUID id, @QueryParam("readData") String readDataPercent) {
        return verifier.verify(id, (int) QueryParameters.number("readData", readDataPercent, 0, 0, 100));
    }

    /** A verify's report, as the alert about the damage it found links to it. */
    @GET
    @Path("{id}/verifies/{verifyId}")
    @RolesAllowed(Roles.OPERATOR)
    @EveryOrg
    public VerifyReport verifyResult(@PathParam("id") UUID id, @PathParam("verifyId") UUID verifyId) {
        return verifier.result(id, verifyId);
    }

    @POST
    @Path("{id}/gc")
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    @Audited("repository.gc")
    public GcReport collectGarbage(@PathParam("id") UUID id) {
        return repositories.collectGarbage(id);
    }
}
