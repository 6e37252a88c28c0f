package io.casework.status.rest.board;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentUpdate;
import io.casework.status.domain.Product;
import io.casework.status.service.StatusBoardService.Board;

/**
 * Atom (RFC 4287) and RSS 2.0 feeds of the board, overall or for one product. One entry per incident, whose id
 * (urn:uuid of the incident) never changes, and whose updated time is its latest change: readers show the incident
 * once and refresh it as it evolves. Written with StAX, which escapes all user text.
 */
public final class FeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String baseUrl;

    public FeedWriter(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** @param product null for the overall feed */
    public byte[] atom(Board board, Product product) {
        List<Incident> entries = entries(board, product);
        return write(xml -> {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", feedId(product));
            element(xml, "title", title(product));
            element(xml, "subtitle", "Incidents and maintenance of the last 90 days, newest first");
            element(xml, "updated", updated(board, entries).toString());
            link(xml, "self", "application/atom+xml", selfUrl(product, "atom"));
            link(xml, "alternate", "text/html", baseUrl + "/status");
            xml.writeStartElement("author");
            element(xml, "name", "Casework status");
            xml.writeEndElement();
            element(xml, "generator", "Casework status-service");
            for (Incident incident : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + incident.id);
                element(xml, "title", incident.title);
                element(xml, "published", incident.createdAt.toString());
                element(xml, "updated", incident.updatedAt.toString());
                link(xml, "alternate", "text/html", incidentUrl(incident));
                for (Product affected : sorted(incident)) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", affected.id);
                    xml.writeAttribute("label", affected.name);
                }
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(summary(incident));
                xml.writeEndElement();
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(timelineHtml(incident));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** @param product null for the overall feed */
    public byte[] rss(Board board, Product product) {
        List<Incident> entries = entries(board, product);
        return write(xml -> {
            xml.writeStartElement("rss");
            xml.writeNamespace("atom", ATOM);
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("channel");
            element(xml, "title", title(product));
            element(xml, "link", baseUrl + "/status");
            element(xml, "description", "Incidents and maintenance of the last 90 days, newest first");
            element(xml, "language", "en");
            element(xml, "lastBuildDate", RFC_822.format(updated(board, entries)));
            element(xml, "generator", "Casework status-service");
            xml.writeEmptyElement("atom", "link", ATOM);
            xml.writeAttribute("href", selfUrl(product, "rss"));
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (Incident incident : entries) {
                xml.writeStartElement("item");
                element(xml, "title", incident.title);
                element(xml, "link", incidentUrl(incident));
                element(xml, "description", timelineHtml(incident));
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                xml.writeCharacters("urn:uuid:" + incident.id);
                xml.writeEndElement();
                element(xml, "pubDate", RFC_822.format(incident.updatedAt));
                for (Product affected : sorted(incident)) {
                    element(xml, "category", affected.name);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    String incidentUrl(Incident incident) {
        return baseUrl + "/status#" + incident.number;
    }

    private String selfUrl(Product product, String format) {
        return product == null ? baseUrl + "/api/v1/status/feed." + format
                : baseUrl + "/api/v1/status/products/" + product.id + "/feed." + format;
    }

    private static String feedId(Product product) {
        // Tag URIs (RFC 4151): stable whatever host the feed is served from.
        return product == null ? "tag:casework.io,2026:status" : "tag:casework.io,2026:status:product:" + product.id;
    }

    private static String title(Product product) {
        return product == null ? "Casework status" : "Casework status: " + product.name;
    }

    private static List<Incident> entries(Board board, Product product) {
        return product == null ? board.incidents()
                : board.incidents().stream().filter(i -> i.affectedProducts.stream().anyMatch(p -> p.id.equals(product.id)))
                        .toList();
    }

    /** The latest change of an entry; an empty feed changed when the board last did. */
    private static Instant updated(Board board, List<Incident> entries) {
        return entries.stream().map(i -> i.updatedAt).max(Comparator.naturalOrder()).orElse(board.revision().changedAt());
    }

    private static List<Product> sorted(Incident incident) {
        return incident.affectedProducts.stream().sorted(Comparator.comparing((Product p) -> p.id)).toList();
    }

    private static String summary(Incident incident) {
        IncidentUpdate latest = incident.latestUpdate();
        return incident.state + (latest == null ? "" : ": " + latest.message());
    }

    /** Newest update first, as the status page shows it; user text is escaped here, the XML writer escapes it again. */
    static String timelineHtml(Incident incident) {
        StringBuilder html = new StringBuilder();
        if (incident.summary != null) {
            html.append("<p>").append(escape(incident.summary)).append("</p>");
        }
        for (IncidentUpdate update : incident.updates.reversed()) {
            html.append("<p><strong>").append(update.state()).append("</strong> ")
                    .append(update.createdAt()).append("<br>").append(escape(update.message())).append("</p>");
        }
        if (incident.postmortemUrl != null) {
            html.append("<p>Incident report: <a href=\"").append(escape(incident.postmortemUrl)).append("\">")
                    .append(escape(incident.postmortemUrl)).append("</a></p>");
        }
        return html.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write feed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
