package dev.sfbackup.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an error response ({@code [{"message":…,"errorCode":…}]}, or a SOAP fault) into the typed exception for its
 * first error.
 */
final class ErrorResponseMapper {

    private final ObjectMapper json;

    ErrorResponseMapper(ObjectMapper json) {
        this.json = json;
    }

    SalesforceException map(int status, byte[] body) {
        if (looksLikeXml(body)) {
            var fault = SoapEnvelope.fault(body);
            if (fault.isPresent()) {
                return mapSoapFault(status, fault.get().code(), fault.get().message());
            }
        }
        String errorCode = null;
        String message = null;
        try {
            JsonNode root = json.readTree(body);
            JsonNode first = root != null && root.isArray() && !root.isEmpty() ? root.get(0) : root;
            if (first != null && first.isObject()) {
                errorCode = text(first, "errorCode");
                message = text(first, "message");
            }
        } catch (java.io.IOException notJson) {
            // gateways answer 5xx with HTML; the status alone decides below
        }
        if (message == null) {
            message = body.length == 0 ? "(empty body)" : new String(body, 0, Math.min(body.length, 500),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return map(status, errorCode, message);
    }

    static SalesforceException map(int status, String errorCode, String message) {
        String code = errorCode == null ? "HTTP_" + status : errorCode;
        return switch (code) {
            case InvalidSessionException.ERROR_CODE -> new InvalidSessionException(status, code, message);
            case RequestLimitExceededException.ERROR_CODE -> new RequestLimitExceededException(status, code, message);
            case QueryTimeoutException.ERROR_CODE -> new QueryTimeoutException(status, code, message);
            case InvalidFieldException.ERROR_CODE -> new InvalidFieldException(status, code, message);
            case MalformedQueryException.ERROR_CODE -> new MalformedQueryException(status, code, message);
            case ServerUnavailableException.ERROR_CODE -> new ServerUnavailableException(status, code, message);
            default -> byStatus(status, code, message);
        };
    }

    /**
     * SOAP answers every fault with HTTP 500, so the code alone decides: the codes the REST API shares keep their
     * typed exceptions (INVALID_SESSION_ID renews the token, REQUEST_LIMIT_EXCEEDED…), UNKNOWN_EXCEPTION is
     * transient, any other fault (INVALID_ID_FIELD, EXCEEDED_ID_LIMIT…) is permanent.
     */
    static SalesforceException mapSoapFault(int status, String code, String message) {
        return switch (code) {
            case InvalidSessionException.ERROR_CODE, RequestLimitExceededException.ERROR_CODE, QueryTimeoutException.ERROR_CODE,
                 InvalidFieldException.ERROR_CODE, MalformedQueryException.ERROR_CODE, ServerUnavailableException.ERROR_CODE ->
                    map(status, code, message);
            case "UNKNOWN_EXCEPTION" -> new ServerUnavailableException(status, code, message);
            default -> new SalesforceException(status, code, message, false);
        };
    }

    private static boolean looksLikeXml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    private static SalesforceException byStatus(int status, String code, String message) {
        if (status == 401) {
            return new InvalidSessionException(status, code, message);
        }
        if (status >= 500) {
            return new ServerUnavailableException(status, code, message);
        }
        return new SalesforceException(status, code, message, false);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
