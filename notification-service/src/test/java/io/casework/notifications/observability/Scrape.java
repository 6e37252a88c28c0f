package io.casework.notifications.observability;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** Reads the service's real Prometheus endpoint, as Prometheus would. */
public final class Scrape {

    private Scrape() {
    }

    public static String metrics() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        try {
            // The last scrape, for whoever wonders what the service exposes.
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/last-metrics-scrape.txt"), scrape);
        } catch (java.io.IOException e) {
            // only a convenience
        }
        return scrape;
    }

    /** The value of the series {@code name} whose labels include {@code labels}; NaN when there is none. */
    public static double value(String scrape, String name, Map<String, String> labels) {
        return scrape.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> labels.entrySet().stream().allMatch(e -> l.contains(e.getKey() + "=\"" + e.getValue() + "\"")))
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l) // without an exemplar
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }
}
