package dev.sfbackup.emulator.rest.soap;

import dev.sfbackup.emulator.rest.ApiVersions;
import dev.sfbackup.emulator.service.ApiUsage;
import dev.sfbackup.emulator.service.FaultInjector;
import dev.sfbackup.emulator.service.RecycleBinService;
import dev.sfbackup.emulator.service.SalesforceApiException;
import dev.sfbackup.emulator.service.SaveResult;
import dev.sfbackup.emulator.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The partner SOAP API endpoint, {@code POST /services/Soap/u/{version}}, for the calls REST lacks: {@code undelete()}
 * and {@code emptyRecycleBin()}. The session id comes in the envelope's {@code SessionHeader}; every call counts
 * against the daily limit; every fault answers HTTP 500, as Salesforce's SOAP API does.
 */
@Path("/services/Soap/u/{version}")
public class SoapResource {

    private static final String XML = "text/xml; charset=utf-8";

    private final TokenService tokens;
    private final ApiUsage usage;
    private final FaultInjector faults;
    private final RecycleBinService recycleBin;

    public SoapResource(TokenService tokens, ApiUsage usage, FaultInjector faults, RecycleBinService recycleBin) {
        this.tokens = tokens;
        this.usage = usage;
        this.faults = faults;
        this.recycleBin = recycleBin;
    }

    @POST
    @Consumes({"text/xml", "application/soap+xml"})
    @Produces("text/xml")
    public Response call(@PathParam("version") String version, byte[] body) {
        if (!ApiVersions.SUPPORTED.contains(version)) {
            return fault("UNSUPPORTED_API_VERSION", "Invalid Api version specified on URL");
        }
        SoapMessages.Request request;
        try {
            request = SoapMessages.read(body == null ? new byte[0] : body);
        } catch (SoapMessages.Unreadable e) {
            return clientFault(e.getMessage());
        }
        if (!tokens.isValid(request.sessionId())) {
            return fault("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
        }
        if (!usage.tryCount()) {
            return fault("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        try {
            faults.check(null, FaultInjector.Call.ANY);
            List<SaveResult> results = switch (request.operation()) {
                case "undelete" -> recycleBin.undelete(request.ids());
                case "emptyRecycleBin" -> recycleBin.emptyRecycleBin(request.ids());
                default -> null;
            };
            if (results == null) {
                return clientFault("No operation available for request {" + SoapMessages.PARTNER_NS + "}" + request.operation());
            }
            return Response.ok(SoapMessages.results(request.operation(), results, usage.used(), usage.limit()), XML).build();
        } catch (SalesforceApiException e) {
            return fault(e.errorCode(), e.getMessage());
        }
    }

    private static Response fault(String code, String message) {
        return Response.serverError().type(XML).entity(SoapMessages.fault(code, message, false)).build();
    }

    private static Response clientFault(String message) {
        return Response.serverError().type(XML).entity(SoapMessages.fault(null, message, true)).build();
    }
}
