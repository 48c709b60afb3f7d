package dev.sfbackup.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.security.Roles;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a service's whole access matrix: every operation of its own OpenAPI document against every kind of caller.
 * The test of each service states the rule of every endpoint ({@code "POST /api/v1/policies" -> Rule.atLeast(ADMIN)});
 * {@link #verify} fails on an endpoint without a rule (so a new endpoint cannot slip in unreviewed), on a rule whose
 * endpoint is gone, on an endpoint whose declared roles differ from its rule, and on any call answered against its
 * rule (a refused caller must get 401 without a token and 403 with one; an admitted caller neither).
 */
public final class AccessMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** Who calls. SERVICE is another service of the suite (policy-service); SESSION_SERVICE is session-service. */
    public enum Caller {
        ANONYMOUS, VIEWER, OPERATOR, RESTORE_OPERATOR, ADMIN, SERVICE, SESSION_SERVICE;

        String token() {
            return switch (this) {
                case ANONYMOUS -> null;
                case VIEWER -> TestTokens.viewer();
                case OPERATOR -> TestTokens.operator();
                case RESTORE_OPERATOR -> TestTokens.restoreOperator();
                case ADMIN -> TestTokens.admin();
                case SERVICE -> TestTokens.service("policy-service");
                case SESSION_SERVICE -> TestTokens.sessionService();
            };
        }
    }

    /** The callers an endpoint admits. */
    public record Rule(Set<Caller> admitted) {

        public Rule {
            admitted = Set.copyOf(admitted);
        }

        /** This ladder role and every role above it. */
        public static Rule atLeast(String role) {
            int lowest = Roles.LADDER.indexOf(role);
            if (lowest < 0) {
                throw new IllegalArgumentException(role + " is not a ladder role");
            }
            Set<Caller> callers = EnumSet.noneOf(Caller.class);
            for (String held : Roles.LADDER.subList(lowest, Roles.LADDER.size())) {
                callers.add(Caller.valueOf(held.toUpperCase().replace('-', '_')));
            }
            return new Rule(callers);
        }

        /** Any service of the suite (role service). */
        public static Rule services() {
            return new Rule(EnumSet.of(Caller.SERVICE, Caller.SESSION_SERVICE));
        }

        /** session-service's own token only. */
        public static Rule sessionServiceOnly() {
            return new Rule(EnumSet.of(Caller.SESSION_SERVICE));
        }

        /** Also any service of the suite. */
        public Rule orServices() {
            Set<Caller> callers = EnumSet.noneOf(Caller.class);
            callers.addAll(admitted);
            callers.add(Caller.SERVICE);
            callers.add(Caller.SESSION_SERVICE);
            return new Rule(callers);
        }
    }

    private AccessMatrix() {
    }

    /**
     * @param rules by {@code "METHOD /path/{param}"} exactly as the service's OpenAPI document names the operation
     * @param basePath paths of the document to walk (for example "/api/" and "/internal/")
     */
    public static void verify(Map<String, Rule> rules, String... basePaths) {
        Map<String, JsonNode> operations = operations(basePaths);
        List<String> problems = new ArrayList<>();
        for (String endpoint : operations.keySet()) {
            if (!rules.containsKey(endpoint)) {
                problems.add(endpoint + ": no rule in the access matrix; declare @RolesAllowed on it and add its rule to the test");
            }
        }
        for (String endpoint : rules.keySet()) {
            if (!operations.containsKey(endpoint)) {
                problems.add(endpoint + ": has a rule but is not in the OpenAPI document");
            }
        }
        for (Map.Entry<String, JsonNode> operation : operations.entrySet()) {
            Rule rule = rules.get(operation.getKey());
            if (rule == null) {
                continue;
            }
            checkDeclaredRoles(operation.getKey(), operation.getValue(), rule, problems);
            for (Caller caller : Caller.values()) {
                int status = call(operation.getKey(), operation.getValue(), caller);
                boolean admitted = rule.admitted().contains(caller);
                int refusal = caller == Caller.ANONYMOUS ? 401 : 403;
                if (admitted && (status == 401 || status == 403)) {
                    problems.add(operation.getKey() + " as " + caller + ": answered " + status + " but the rule admits it");
                } else if (!admitted && status != refusal) {
                    problems.add(operation.getKey() + " as " + caller + ": answered " + status + ", expected " + refusal);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("access matrix violated:\n  " + String.join("\n  ", problems));
        }
    }

    /** Every operation of the document under the base paths, keyed "METHOD /path". */
    private static Map<String, JsonNode> operations(String... basePaths) {
        JsonNode document;
        try {
            document = JSON.readTree(given().auth().none().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (List.of(basePaths).stream().noneMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.put(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method));
                }
            }
        }
        return operations;
    }

    /** The roles the OpenAPI document says the endpoint requires (SmallRye OpenAPI writes @RolesAllowed there). */
    private static void checkDeclaredRoles(String endpoint, JsonNode operation, Rule rule, List<String> problems) {
        Set<String> declared = new TreeSet<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(role -> declared.add(role.asText())));
        }
        if (declared.isEmpty()) {
            problems.add(endpoint + ": declares no role (@RolesAllowed missing)");
            return;
        }
        Set<Caller> admittedByDeclaration = EnumSet.noneOf(Caller.class);
        for (String role : declared) {
            if (Roles.LADDER.contains(role)) {
                admittedByDeclaration.addAll(Rule.atLeast(role).admitted());
            } else if (role.equals(Roles.SERVICE)) {
                admittedByDeclaration.addAll(Rule.services().admitted());
            } else if (role.equals(Roles.SESSION_SERVICE)) {
                admittedByDeclaration.add(Caller.SESSION_SERVICE);
            } else {
                problems.add(endpoint + ": declares unknown role " + role);
            }
        }
        if (!admittedByDeclaration.equals(rule.admitted())) {
            problems.add(endpoint + ": declares " + declared + " (admitting " + admittedByDeclaration + ") but the matrix says "
                    + rule.admitted());
        }
    }

    private static int call(String endpoint, JsonNode operation, Caller caller) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
        RequestSpecification request = caller == Caller.ANONYMOUS ? given().auth().none() : given().auth().oauth2(caller.token());
        if (!method.equals("GET") && !method.equals("DELETE")) {
            String type = requestType(operation);
            byte[] body = type.endsWith("/json") ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0];
            request = request.contentType(type).body(body);
        }
        return request.request(method, path).statusCode();
    }

    /** The request body's media type: the first the operation declares, JSON when it declares none. */
    private static String requestType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        String type = types.hasNext() ? types.next() : "application/json";
        return type.equals("*/*") ? "application/octet-stream" : type;
    }

    /** The path with a harmless value in each parameter: ids that exist nowhere, an object name, a number. */
    private static String concrete(String template) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1).toLowerCase();
            String value = name.contains("object") ? "Account"
                    : name.equals("seq") ? "1"
                    : name.contains("record") || name.contains("source") || name.equals("name") ? "absent-" + name
                    : UUID.randomUUID().toString();
            parameter.appendReplacement(path, value);
        }
        parameter.appendTail(path);
        return path.toString();
    }
}
