package dev.sfbackup.salesforce;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The partner SOAP API's envelopes for the calls that take a list of ids ({@code undelete}, {@code emptyRecycleBin}):
 * the request with its {@code SessionHeader}, and the response's {@code <result>} elements
 * ({@code id, success, errors{statusCode, message, fields*}}), its {@code LimitInfoHeader} and its faults.
 * Written and read with the JDK's StAX, no generated stubs.
 */
final class SoapEnvelope {

    static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String PARTNER_NS = "urn:partner.soap.sforce.com";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final XMLInputFactory INPUT = secureInputFactory();

    /** A SOAP fault: {@code faultcode} without its namespace prefix ({@code sf:INVALID_SESSION_ID} → INVALID_SESSION_ID). */
    record Fault(String code, String message) {
    }

    /** What a response carried: the results in order, and the API usage of its {@code LimitInfoHeader} if any. */
    record Response(List<SaveResult> results, Optional<ApiUsage> usage) {
    }

    private SoapEnvelope() {
    }

    /** {@code <operation><ids>…</ids>…</operation>} with the session id in the {@code SessionHeader}. */
    static byte[] idsRequest(String sessionId, String operation, List<String> ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + ids.size() * 40);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("soapenv", ENVELOPE_NS);
            xml.setPrefix("urn", PARTNER_NS);
            xml.writeStartElement(ENVELOPE_NS, "Envelope");
            xml.writeNamespace("soapenv", ENVELOPE_NS);
            xml.writeNamespace("urn", PARTNER_NS);
            xml.writeStartElement(ENVELOPE_NS, "Header");
            xml.writeStartElement(PARTNER_NS, "SessionHeader");
            element(xml, "sessionId", sessionId);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement(ENVELOPE_NS, "Body");
            xml.writeStartElement(PARTNER_NS, operation);
            for (String id : ids) {
                element(xml, "ids", id);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write SOAP request", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(PARTNER_NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /**
     * The {@code <result>} elements of a {@code <…Response>}, in order. A fault in a 2xx response (which Salesforce
     * does not send, but a proxy might) is thrown as the matching {@link SalesforceException}.
     */
    static Response readResults(InputStream body, int httpStatus) throws XMLStreamException {
        XMLStreamReader xml = INPUT.createXMLStreamReader(body);
        try {
            List<SaveResult> results = new ArrayList<>();
            ApiUsage usage = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "Fault" -> {
                        Fault fault = readFault(xml);
                        throw ErrorResponseMapper.mapSoapFault(httpStatus, fault.code(), fault.message());
                    }
                    case "limitInfo" -> usage = readLimitInfo(xml).orElse(usage);
                    case "result" -> results.add(readResult(xml));
                    default -> { }
                }
            }
            return new Response(results, Optional.ofNullable(usage));
        } finally {
            xml.close();
        }
    }

    /** The fault of an error response body; empty when the body is not a SOAP fault. */
    static Optional<Fault> fault(byte[] body) {
        try {
            XMLStreamReader xml = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Fault")) {
                        return Optional.of(readFault(xml));
                    }
                }
                return Optional.empty();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException notXml) {
            return Optional.empty();
        }
    }

    /** Reads {@code <Fault>} up to its end tag. */
    private static Fault readFault(XMLStreamReader xml) throws XMLStreamException {
        String code = null;
        String message = null;
        String exceptionCode = null;
        String exceptionMessage = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "faultcode" -> code = xml.getElementText();
                    case "faultstring" -> message = xml.getElementText();
                    case "exceptionCode" -> exceptionCode = xml.getElementText();
                    case "exceptionMessage" -> exceptionMessage = xml.getElementText();
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        String resolved = exceptionCode != null ? exceptionCode : code == null ? "UNKNOWN_EXCEPTION" : code.substring(code.indexOf(':') + 1);
        return new Fault(resolved.trim(), exceptionMessage != null ? exceptionMessage : message);
    }

    /** Reads {@code <result>} up to its end tag. */
    private static SaveResult readResult(XMLStreamReader xml) throws XMLStreamException {
        String id = null;
        boolean success = false;
        List<SaveResult.SaveError> errors = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new SaveResult(id, success, errors);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "id" -> id = textOrNil(xml);
                    case "success" -> success = Boolean.parseBoolean(xml.getElementText().trim());
                    case "errors" -> errors.add(readError(xml));
                    default -> skip(xml);
                }
            }
        }
    }

    private static SaveResult.SaveError readError(XMLStreamReader xml) throws XMLStreamException {
        String statusCode = null;
        String message = null;
        List<String> fields = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new SaveResult.SaveError(statusCode, message, fields);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "statusCode" -> statusCode = xml.getElementText().trim();
                    case "message" -> message = xml.getElementText();
                    case "fields" -> {
                        String field = textOrNil(xml);
                        if (field != null && !field.isBlank()) {
                            fields.add(field.trim());
                        }
                    }
                    default -> skip(xml);
                }
            }
        }
    }

    /** {@code <limitInfo><current>N</current><limit>M</limit><type>API REQUESTS</type></limitInfo>}. */
    private static Optional<ApiUsage> readLimitInfo(XMLStreamReader xml) throws XMLStreamException {
        String current = null;
        String limit = null;
        String type = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "current" -> current = xml.getElementText().trim();
                    case "limit" -> limit = xml.getElementText().trim();
                    case "type" -> type = xml.getElementText().trim();
                    default -> skip(xml);
                }
            }
        }
        if (!"API REQUESTS".equals(type) || current == null || limit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiUsage(Long.parseLong(current), Long.parseLong(limit), Instant.now()));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    private static String textOrNil(XMLStreamReader xml) throws XMLStreamException {
        boolean nil = "true".equals(xml.getAttributeValue(XSI_NS, "nil"));
        String text = xml.getElementText();
        return nil ? null : text.trim();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
