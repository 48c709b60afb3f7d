package dev.sfbackup.salesforce;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authorised connection to an org: the entry point to every REST and Bulk API 2.0 call the suite makes.
 * The first call fetches a token; a 401 INVALID_SESSION_ID gets a new token and a retry (three in a row at most);
 * transient errors are retried as the {@link RetryPolicy} says. Thread-safe; the iterators it hands out are not.
 */
public final class SalesforceConnection {

    /** Salesforce's limit for the ids of one undelete or emptyRecycleBin call. */
    public static final int MAX_IDS_PER_SOAP_CALL = 200;

    /** The longest list of object names one record-count call sends, URL-encoded and comma-separated, in characters. */
    static final int MAX_OBJECT_LIST_CHARS = 1800;
    private static final String COMMA = URLEncoder.encode(",", StandardCharsets.UTF_8);
    /**
     * The longest first-page URL of a REST query, in characters: Salesforce answers 414 when a URI and its headers
     * pass 16,384 bytes; this leaves room for the method, the version and the headers (the token among them).
     */
    static final int MAX_REST_QUERY_PATH_CHARS = 15_000;

    private final ApiTransport transport;
    private final ObjectMapper json;
    private final ConnectionOptions options;
    private final String dataPath;

    private SalesforceConnection(ApiTransport transport, ObjectMapper json, ConnectionOptions options) {
        this.transport = transport;
        this.json = json;
        this.options = options;
        this.dataPath = "/services/data/v" + options.apiVersion();
    }

    public static SalesforceConnection create(HttpClient http, OAuthTokenSource tokens, ConnectionOptions options) {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new SalesforceConnection(new ApiTransport(http, tokens, options, new ErrorResponseMapper(json)), json, options);
    }

    /** An HTTP/1.1 client that follows redirects, for {@link #create} and the token sources. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(java.time.Duration.ofSeconds(20))
                .build();
    }

    public ConnectionOptions options() {
        return options;
    }

    /** Fetches a token now if none is held (fails fast on bad credentials). */
    public AccessToken authenticate() {
        return transport.currentToken();
    }

    /** {@code GET /services/data/}: the API versions the org serves. */
    public List<ApiVersion> versions() {
        return read(ApiRequest.get("/services/data/"), new TypeReference<>() { });
    }

    /** describeGlobal: {@code GET /services/data/vNN.N/sobjects}. */
    public GlobalDescribe describeGlobal() {
        return read(ApiRequest.get(dataPath + "/sobjects"), new TypeReference<>() { });
    }

    /** {@code GET /services/data/vNN.N/sobjects/{T}/describe}. */
    public SObjectDescribe describe(String sObject) {
        return read(ApiRequest.get(dataPath + "/sobjects/" + sObject + "/describe"), new TypeReference<>() { });
    }

    /**
     * {@code GET /limits/recordCount?sObjects=A,B}: approximate record counts by object name. The names go in as many
     * calls as keep each list within {@value #MAX_OBJECT_LIST_CHARS} characters: Salesforce answers 414 to a URI over
     * 16,384 bytes and advises at most 2,000 characters, and an org's object names add up to far more.
     */
    public Map<String, Long> recordCounts(Collection<String> sObjects) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (sObjects.isEmpty()) {
            readRecordCounts(dataPath + "/limits/recordCount", counts);
        }
        for (String objectList : objectLists(sObjects)) {
            readRecordCounts(dataPath + "/limits/recordCount?sObjects=" + objectList, counts);
        }
        return counts;
    }

    private void readRecordCounts(String path, Map<String, Long> counts) {
        readTree(ApiRequest.get(path)).path("sObjects")
                .forEach(entry -> counts.put(entry.path("name").asText(), entry.path("count").asLong()));
    }

    /** The names, URL-encoded and comma-separated, in lists of at most MAX_OBJECT_LIST_CHARS (one name may exceed it). */
    private static List<String> objectLists(Collection<String> sObjects) {
        List<String> lists = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        for (String sObject : sObjects) {
            String encoded = URLEncoder.encode(sObject, StandardCharsets.UTF_8);
            if (!list.isEmpty() && list.length() + COMMA.length() + encoded.length() > MAX_OBJECT_LIST_CHARS) {
                lists.add(list.toString());
                list.setLength(0);
            }
            list.append(list.isEmpty() ? "" : COMMA).append(encoded);
        }
        if (!list.isEmpty()) {
            lists.add(list.toString());
        }
        return lists;
    }

    /**
     * REST query, page by page (deleted and archived records excluded); records as Salesforce sends them, including
     * their {@code attributes} object.
     */
    public RestQuery<ObjectNode> query(String soql) {
        return query(soql, this::readObject);
    }

    /** REST query whose records the reader turns into its own type as each page is parsed. */
    public <T> RestQuery<T> query(String soql, RecordReader<T> reader) {
        return restQuery(soql, false, reader);
    }

    /**
     * Whether the SOQL can go to Salesforce as a REST query: its URL carries it, and an object's SELECT of hundreds of
     * long field names does not fit. Bulk API 2.0 takes a query of any length, in the body of its job.
     */
    public boolean restQueryFits(String soql) {
        return RestQuery.firstPath(dataPath, true, soql).length() <= MAX_REST_QUERY_PATH_CHARS;
    }

    /** REST queryAll: like {@link #query} but includes deleted (IsDeleted=true) and archived records. */
    public RestQuery<ObjectNode> queryAll(String soql) {
        return restQuery(soql, true, this::readObject);
    }

    private <T> RestQuery<T> restQuery(String soql, boolean includeDeleted, RecordReader<T> reader) {
        return new RestQuery<>(transport, json.getFactory(), reader, dataPath, includeDeleted, soql, options.queryBatchSize());
    }

    private ObjectNode readObject(JsonParser record) throws IOException {
        return json.readTree(record);
    }

    /** Creates a Bulk API 2.0 query job ({@code operation: query}). */
    public BulkQuery bulkQuery(String soql) {
        return submitBulk("query", soql);
    }

    /** Creates a Bulk API 2.0 query job that includes deleted and archived records ({@code operation: queryAll}). */
    public BulkQuery bulkQueryAll(String soql) {
        return submitBulk("queryAll", soql);
    }

    /** getDeleted: {@code GET /sobjects/{T}/deleted/?start=&end=}. */
    public DeletedRecords getDeleted(String sObject, Instant start, Instant end) {
        String path = dataPath + "/sobjects/" + sObject + "/deleted/?start="
                + URLEncoder.encode(SalesforceDateTime.format(start), StandardCharsets.UTF_8)
                + "&end=" + URLEncoder.encode(SalesforceDateTime.format(end), StandardCharsets.UTF_8);
        JsonNode body = readTree(ApiRequest.get(path));
        List<DeletedRecords.DeletedRecord> deleted = new ArrayList<>();
        body.path("deletedRecords").forEach(entry -> deleted.add(new DeletedRecords.DeletedRecord(
                entry.path("id").asText(), SalesforceDateTime.parse(entry.path("deletedDate").asText(null)))));
        return new DeletedRecords(deleted,
                SalesforceDateTime.parse(body.path("earliestDateAvailable").asText(null)),
                SalesforceDateTime.parse(body.path("latestDateCovered").asText(null)));
    }

    /**
     * A blob field's body, e.g. {@code openBlob("ContentVersion", id, "VersionData")} or
     * {@code openBlob("Attachment", id, "Body")}, as a stream straight from the response. The caller must close it.
     */
    public InputStream openBlob(String sObject, String recordId, String blobField) {
        String path = dataPath + "/sobjects/" + sObject + "/" + recordId + "/" + blobField;
        return transport.send(ApiRequest.get(path, ApiTransport.accept("*/*"))).body();
    }

    /**
     * Inserts a record with its file body in one multipart request (ContentVersion's VersionData, Attachment's Body),
     * streamed from {@code body} with the given length; answers the new record's id. Every attempt opens the body again.
     */
    public String insertWithBody(String sObject, ObjectNode fields, String bodyField, String fileName, long length,
            BodySource body) {
        return new BodyInsert(transport, json, dataPath, options).insert(sObject, fields, bodyField, fileName, length, body);
    }

    /** sObject Collections, for restore. */
    public SObjectCollections collections() {
        return new SObjectCollections(transport, json, dataPath);
    }

    /** Bulk API 2.0 ingest jobs (insert, update, delete from CSV), results matched by a correlation column. */
    public BulkIngest bulkIngest() {
        return new BulkIngest(transport, json, options, dataPath);
    }

    /**
     * SOAP {@code undelete()}: restores records from the recycle bin with their ids (and, as Salesforce does, the
     * records their deletion cascaded to). Sent in calls of {@value #MAX_IDS_PER_SOAP_CALL} ids; one result per id, in
     * the order of the ids. There is no REST undelete.
     */
    public List<SaveResult> undelete(List<String> ids) {
        return soapIdsCall("undelete", ids);
    }

    /**
     * SOAP {@code emptyRecycleBin()}: removes records from the recycle bin for good (they can no longer be undeleted).
     * Calls of {@value #MAX_IDS_PER_SOAP_CALL} ids; one result per id, in order.
     */
    public List<SaveResult> emptyRecycleBin(List<String> ids) {
        return soapIdsCall("emptyRecycleBin", ids);
    }

    private List<SaveResult> soapIdsCall(String operation, List<String> ids) {
        String path = "/services/Soap/u/" + options.apiVersion();
        List<SaveResult> results = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += MAX_IDS_PER_SOAP_CALL) {
            List<String> slice = List.copyOf(ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_SOAP_CALL)));
            HttpResponse<InputStream> response = transport.send(token -> new ApiRequest("POST", path,
                    SoapEnvelope.idsRequest(token.accessToken(), operation, slice), "text/xml; charset=UTF-8",
                    Map.of("SOAPAction", "\"\"", "Accept", "text/xml")));
            SoapEnvelope.Response answer;
            try (InputStream in = response.body()) {
                answer = SoapEnvelope.readResults(in, response.statusCode());
            } catch (IOException e) {
                throw new TransportException("reading SOAP " + operation + " response", e);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new TransportException("reading SOAP " + operation + " response", new IOException(e));
            }
            answer.usage().ifPresent(transport::recordUsage);
            if (answer.results().size() != slice.size()) {
                throw new SalesforceException(response.statusCode(), "UNEXPECTED_RESPONSE", "SOAP " + operation + " answered "
                        + answer.results().size() + " results for " + slice.size() + " ids", false);
            }
            results.addAll(answer.results());
        }
        return results;
    }

    /** The org's API usage from the latest {@code Sforce-Limit-Info} header, if any response carried one. */
    public Optional<ApiUsage> apiUsage() {
        return transport.latestUsage();
    }

    /**
     * The org's API usage now, from {@code GET /limits} (its {@code DailyApiRequests}); it also becomes
     * {@link #apiUsage()}. Empty when the org does not report that limit.
     */
    public Optional<ApiUsage> fetchApiUsage() {
        JsonNode daily = readTree(ApiRequest.get(dataPath + "/limits")).path("DailyApiRequests");
        if (!daily.has("Max") || !daily.has("Remaining")) {
            return transport.latestUsage();
        }
        long max = daily.path("Max").asLong();
        ApiUsage usage = new ApiUsage(Math.max(0, max - daily.path("Remaining").asLong()), max, java.time.Instant.now());
        transport.recordUsage(usage);
        return Optional.of(usage);
    }

    /** HTTP requests this connection sent to the org (token requests excluded, retries included). */
    public long requestsSent() {
        return transport.requestsSent();
    }

    private BulkQuery submitBulk(String operation, String soql) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("operation", operation);
        request.put("query", soql);
        request.put("contentType", "CSV");
        request.put("columnDelimiter", "COMMA");
        request.put("lineEnding", "LF");
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise job request", e);
        }
        BulkQueryJob created = BulkQueryJob.from(readTree(ApiRequest.json("POST", dataPath + "/jobs/query", body)));
        return new BulkQuery(transport, json, options, dataPath, created);
    }

    private JsonNode readTree(ApiRequest request) {
        HttpResponse<InputStream> response = transport.send(request);
        try (InputStream in = response.body()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new TransportException("reading " + request.path(), e);
        }
    }

    private <T> T read(ApiRequest request, TypeReference<T> type) {
        HttpResponse<InputStream> response = transport.send(request);
        try (InputStream in = response.body()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new TransportException("reading " + request.path(), e);
        }
    }
}
