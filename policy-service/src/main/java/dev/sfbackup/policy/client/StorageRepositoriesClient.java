package dev.sfbackup.policy.client;

import dev.sfbackup.security.ServiceTokenFilter;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** storage-service's register of the policies using a repository; used only through {@link StorageRepositories}. */
@RegisterRestClient(configKey = "storage-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/repositories/{id}/users/{policyId}")
interface StorageRepositoriesClient {

    @PUT
    void register(@PathParam("id") UUID repositoryId, @PathParam("policyId") UUID policyId);

    @DELETE
    void release(@PathParam("id") UUID repositoryId, @PathParam("policyId") UUID policyId);
}
