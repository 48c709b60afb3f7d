package dev.sfbackup.session.org;

import dev.sfbackup.api.session.OrgObjectView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.salesforce.ObjectEligibility;
import dev.sfbackup.salesforce.SObjectSummary;
import dev.sfbackup.security.OrgScope;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.SalesforceConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** An org's objects as its describeGlobal lists them, for choosing a policy's scope (one API call a listing). */
@ApplicationScoped
public class OrgObjects {

    private final PolicyClient policies;
    private final SalesforceConnections connections;
    private final OrgScope scope;

    public OrgObjects(PolicyClient policies, SalesforceConnections connections, OrgScope scope) {
        this.policies = policies;
        this.connections = connections;
        this.scope = scope;
    }

    public List<OrgObjectView> list(UUID connectionId) {
        scope.requireVisible(connectionId, "connection", connectionId);
        List<SObjectSummary> objects;
        try {
            objects = connections.connect(policies.credentials(connectionId)).describeGlobal().sobjects();
        } catch (RemoteCallRejected rejected) {
            if (rejected.status() == 404) {
                throw ApiProblem.notFound("connection", connectionId);
            }
            throw rejected;
        }
        return objects.stream().map(OrgObjects::view).sorted(Comparator.comparing(OrgObjectView::name)).toList();
    }

    private static OrgObjectView view(SObjectSummary object) {
        ObjectEligibility eligibility = ObjectEligibility.classify(object);
        return new OrgObjectView(object.name(), object.label(), object.custom(), eligibility.backedUp(),
                eligibility.skipReason().orElse(null));
    }
}
