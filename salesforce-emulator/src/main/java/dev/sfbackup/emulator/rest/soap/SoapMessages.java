package dev.sfbackup.emulator.rest.soap;

import dev.sfbackup.emulator.service.SaveResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The partner SOAP API's messages, read and written with the JDK's StAX: a request's session id, operation and ids;
 * a response with its {@code LimitInfoHeader} and {@code <result>} elements in the WSDL's element order; faults.
 */
final class SoapMessages {

    static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String PARTNER_NS = "urn:partner.soap.sforce.com";
    static final String FAULT_NS = "urn:fault.partner.soap.sforce.com";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** A call as the envelope states it: the {@code SessionHeader}'s session id, the Body's operation and its ids. */
    record Request(String sessionId, String operation, List<String> ids) {
    }

    /** The request cannot be read as a SOAP envelope. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private SoapMessages() {
    }

    static Request read(byte[] body) throws Unreadable {
        String sessionId = null;
        String operation = null;
        List<String> ids = new ArrayList<>();
        boolean inBody = false;
        try {
            XMLStreamReader xml = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            int depthInBody = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (inBody) {
                        depthInBody++;
                        if (depthInBody == 1) {
                            operation = name;
                        } else if (depthInBody == 2 && name.equals("ids")) {
                            ids.add(xml.getElementText().trim());
                            depthInBody--;
                        }
                    } else if (name.equals("sessionId")) {
                        sessionId = xml.getElementText().trim();
                    } else if (name.equals("Body") && ENVELOPE_NS.equals(xml.getNamespaceURI())) {
                        inBody = true;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && inBody) {
                    if (depthInBody == 0) {
                        inBody = false;
                    } else {
                        depthInBody--;
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new Unreadable("Unable to parse the SOAP request: " + e.getMessage());
        }
        if (operation == null) {
            throw new Unreadable("The SOAP request has no Body operation");
        }
        return new Request(sessionId, operation, ids);
    }

    /** {@code <operationResponse><result>…</result>…</operationResponse>} with the API usage in the header. */
    static byte[] results(String operation, List<SaveResult> results, long apiUsed, long apiLimit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + results.size() * 120);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", ENVELOPE_NS);
            xml.writeNamespace("soapenv", ENVELOPE_NS);
            xml.writeDefaultNamespace(PARTNER_NS);
            xml.writeNamespace("xsi", XSI_NS);
            xml.writeStartElement("soapenv", "Header", ENVELOPE_NS);
            xml.writeStartElement(PARTNER_NS, "LimitInfoHeader");
            xml.writeStartElement(PARTNER_NS, "limitInfo");
            text(xml, "current", Long.toString(apiUsed));
            text(xml, "limit", Long.toString(apiLimit));
            text(xml, "type", "API REQUESTS");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("soapenv", "Body", ENVELOPE_NS);
            xml.writeStartElement(PARTNER_NS, operation + "Response");
            for (SaveResult result : results) {
                xml.writeStartElement(PARTNER_NS, "result");
                for (SaveResult.SaveError error : result.errors()) {
                    xml.writeStartElement(PARTNER_NS, "errors");
                    for (String field : error.fields()) {
                        text(xml, "fields", field);
                    }
                    text(xml, "message", error.message());
                    text(xml, "statusCode", error.statusCode());
                    xml.writeEndElement();
                }
                if (result.id() == null) {
                    xml.writeEmptyElement(PARTNER_NS, "id");
                    xml.writeAttribute("xsi", XSI_NS, "nil", "true");
                } else {
                    text(xml, "id", result.id());
                }
                text(xml, "success", Boolean.toString(result.success()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write SOAP response", e);
        }
        return out.toByteArray();
    }

    /**
     * A fault as Salesforce sends it: {@code faultcode sf:CODE}, {@code faultstring "CODE: message"} and an
     * {@code UnexpectedErrorFault} detail; {@code clientFault} gives {@code soapenv:Client} without detail instead.
     */
    static byte[] fault(String code, String message, boolean clientFault) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(768);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", ENVELOPE_NS);
            xml.writeNamespace("soapenv", ENVELOPE_NS);
            xml.writeNamespace("sf", FAULT_NS);
            xml.writeNamespace("xsi", XSI_NS);
            xml.writeStartElement("soapenv", "Body", ENVELOPE_NS);
            xml.writeStartElement("soapenv", "Fault", ENVELOPE_NS);
            plain(xml, "faultcode", clientFault ? "soapenv:Client" : "sf:" + code);
            plain(xml, "faultstring", clientFault ? message : code + ": " + message);
            if (!clientFault) {
                xml.writeStartElement("detail");
                xml.writeStartElement("sf", "UnexpectedErrorFault", FAULT_NS);
                xml.writeAttribute("xsi", XSI_NS, "type", "sf:UnexpectedErrorFault");
                xml.writeStartElement("sf", "exceptionCode", FAULT_NS);
                xml.writeCharacters(code);
                xml.writeEndElement();
                xml.writeStartElement("sf", "exceptionMessage", FAULT_NS);
                xml.writeCharacters(message);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write SOAP fault", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(PARTNER_NS, name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void plain(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
