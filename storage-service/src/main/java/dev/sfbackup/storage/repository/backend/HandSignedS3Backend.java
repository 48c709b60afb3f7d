package dev.sfbackup.storage.repository.backend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The hand-written S3 client kept only until {@code S3ClientBench} has compared it with the SDK one ({@link S3Backend}):
 * an S3-compatible bucket, spoken to with a small SigV4 client over java.net.http: no SDK, nothing reflective, so it is
 * native-image friendly, and it sends plain Content-Length uploads (no aws-chunked encoding, no default checksums)
 * that every S3-compatible server accepts.
 */
public final class HandSignedS3Backend implements Backend {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final S3Settings settings;
    private final SigV4Signer signer;
    private final HttpClient http;
    private final String keyPrefix;

    public HandSignedS3Backend(S3Settings settings) {
        this.settings = settings;
        S3Credentials.Static keys = (S3Credentials.Static) settings.credentials();
        this.signer = new SigV4Signer(keys.accessKey(), keys.secretKey(), settings.region());
        this.keyPrefix = settings.keyPrefix();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    @Override
    public void put(String name, Content content) throws IOException {
        HttpRequest.BodyPublisher body = content.length() == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return content.open();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }), content.length());
        HttpResponse<InputStream> response = send("PUT", objectPath(name), new TreeMap<>(), Map.of(), body,
                SigV4Signer.UNSIGNED_PAYLOAD);
        expectSuccess(response, name);
        response.body().close();
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        if (length == 0) {
            stat(name);
            return new ByteArrayInputStream(new byte[0]);
        }
        String range = length < 0 ? "bytes=" + offset + "-" : "bytes=" + offset + "-" + (offset + length - 1);
        HttpResponse<InputStream> response = send("GET", objectPath(name), new TreeMap<>(), Map.of("Range", range),
                HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_PAYLOAD_SHA256);
        if (response.statusCode() == 416) {
            response.body().close();
            return new ByteArrayInputStream(new byte[0]);
        }
        expectSuccess(response, name);
        return response.body();
    }

    @Override
    public long stat(String name) throws IOException {
        HttpResponse<InputStream> response = send("HEAD", objectPath(name), new TreeMap<>(), Map.of(),
                HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_PAYLOAD_SHA256);
        response.body().close();
        expectSuccess(response, name);
        return response.headers().firstValueAsLong("Content-Length").orElse(0);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        List<ObjectInfo> result = new ArrayList<>();
        String token = null;
        do {
            SortedMap<String, String> query = new TreeMap<>();
            query.put("list-type", "2");
            query.put("prefix", keyPrefix + prefix);
            if (token != null) {
                query.put("continuation-token", token);
            }
            HttpResponse<InputStream> response = send("GET", bucketPath(), query, Map.of(),
                    HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_PAYLOAD_SHA256);
            expectSuccess(response, "list " + prefix);
            Document page = parse(response.body());
            NodeList contents = page.getElementsByTagName("Contents");
            for (int i = 0; i < contents.getLength(); i++) {
                Element item = (Element) contents.item(i);
                String key = text(item, "Key");
                result.add(new ObjectInfo(key.substring(keyPrefix.length()), Long.parseLong(text(item, "Size"))));
            }
            token = "true".equals(text(page.getDocumentElement(), "IsTruncated"))
                    ? text(page.getDocumentElement(), "NextContinuationToken") : null;
        } while (token != null);
        return result;
    }

    @Override
    public void delete(String name) throws IOException {
        HttpResponse<InputStream> response = send("DELETE", objectPath(name), new TreeMap<>(), Map.of(),
                HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_PAYLOAD_SHA256);
        response.body().close();
        if (response.statusCode() != 404) {
            expectSuccess(response, name);
        }
    }

    @Override
    public String describe() {
        return "s3:" + settings.endpoint() + "/" + settings.bucket() + "/" + keyPrefix;
    }

    @Override
    public void close() {
        http.close();
    }

    private String bucketPath() {
        return settings.pathStyle() ? "/" + settings.bucket() : "/";
    }

    private String objectPath(String name) {
        return bucketPath().replaceAll("/$", "") + "/" + keyPrefix + name;
    }

    private HttpResponse<InputStream> send(String method, String path, SortedMap<String, String> query,
                                           Map<String, String> extraHeaders, HttpRequest.BodyPublisher body,
                                           String payloadHash) throws IOException {
        URI endpoint = settings.endpoint();
        String host = settings.pathStyle() ? endpoint.getHost() : settings.bucket() + "." + endpoint.getHost();
        String hostHeader = endpoint.getPort() < 0 ? host : host + ":" + endpoint.getPort();
        String encodedPath = SigV4Signer.uriEncode(path, false);
        String queryString = SigV4Signer.canonicalQuery(query);
        URI uri = URI.create(endpoint.getScheme() + "://" + hostHeader + encodedPath + (queryString.isEmpty() ? "" : "?" + queryString));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body);
        signer.sign(method, hostHeader, encodedPath, query, payloadHash, ZonedDateTime.now()).forEach(request::header);
        extraHeaders.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while calling " + describe(), e);
        } catch (UncheckedIOException e) {
            throw new BackendException("cannot read upload content: " + e.getMessage(), e.getCause());
        } catch (IOException e) {
            throw new BackendException("cannot reach " + describe() + ": " + e, e);
        }
    }

    private void expectSuccess(HttpResponse<InputStream> response, String name) throws IOException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = "";
        try (InputStream body = response.body()) {
            detail = new String(body.readNBytes(2000), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // HEAD answers carry no body; the status alone decides
        }
        if (status == 404 && !detail.contains("NoSuchBucket")) {
            throw new BackendException.NotFound(name);
        }
        String message = "S3 " + response.request().method() + " " + name + " answered " + status + " " + errorCode(detail);
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new BackendException.Permanent(message);
        }
        throw new BackendException(message);
    }

    private static String errorCode(String body) {
        int start = body.indexOf("<Code>");
        int end = body.indexOf("</Code>");
        return start >= 0 && end > start ? body.substring(start + 6, end) : "";
    }

    private static Document parse(InputStream body) throws IOException {
        try (body) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(body);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new BackendException("unreadable S3 listing: " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
