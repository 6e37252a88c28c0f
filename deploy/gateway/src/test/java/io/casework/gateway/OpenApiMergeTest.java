package io.casework.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.gateway.OpenApiMerge.MergeException;
import io.casework.gateway.OpenApiMerge.Route;
import io.casework.gateway.OpenApiMerge.ServiceDocument;

class OpenApiMergeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<Route> ROUTES = OpenApiMerge.gatewayRoutes(nginxConf());

    @Test
    void gatewayRoutesAreReadFromTheRealNginxTemplate() {
        assertEquals("case-service", OpenApiMerge.routedService(ROUTES, "/api/v1/cases"));
        assertEquals("case-service", OpenApiMerge.routedService(ROUTES, "/api/v1/cases/x/comments"));
        assertEquals("case-service", OpenApiMerge.routedService(ROUTES, "/api/v1/organizations/x/access"));
        assertEquals("sla-service", OpenApiMerge.routedService(ROUTES, "/api/v1/sla/calendars"));
        assertEquals("notification-service", OpenApiMerge.routedService(ROUTES, "/api/v1/notifications/webhooks"));
        assertEquals("status-service", OpenApiMerge.routedService(ROUTES, "/api/v1/status/stream"));
        assertEquals("status-service", OpenApiMerge.routedService(ROUTES, "/api/v1/status/incidents"));
        assertEquals("status-service", OpenApiMerge.routedService(ROUTES, "/status"));
        assertNull(OpenApiMerge.routedService(ROUTES, "/api/v1/casesX"));
        assertNull(OpenApiMerge.routedService(ROUTES, "/q/openapi"));
        assertNull(OpenApiMerge.routedService(ROUTES, "/api/v1/openapi.json"));
    }

    @Test
    void pathsKeepTheirGatewayUrisAndEqualComponentsAreShared() throws IOException {
        var merged = OpenApiMerge.merge(List.of(
                doc("case-service", """
                        {"openapi": "3.0.3", "tags": [{"name": "Cases"}],
                         "paths": {"/api/v1/cases/{id}": {"get": {"operationId": "getCase", "responses": {}}}},
                         "components": {"schemas": {"UUID": {"type": "string", "format": "uuid"}, "Case": {"type": "object"}},
                                        "securitySchemes": {"SecurityScheme": {"type": "http", "scheme": "bearer"}}}}"""),
                doc("status-service", """
                        {"openapi": "3.0.3", "tags": [{"name": "Incidents"}],
                         "paths": {"/status": {"get": {"operationId": "statusPage", "responses": {}}},
                                   "/api/v1/status/incidents": {"get": {"operationId": "listIncidents", "responses": {}}}},
                         "components": {"schemas": {"UUID": {"type": "string", "format": "uuid"}},
                                        "securitySchemes": {"SecurityScheme": {"type": "http", "scheme": "bearer"}}}}""")),
                ROUTES, "9.9.9");

        assertEquals("3.0.3", merged.path("openapi").asText());
        assertEquals("9.9.9", merged.at("/info/version").asText());
        assertEquals("/", merged.at("/servers/0/url").asText());
        assertEquals(List.of("/api/v1/cases/{id}", "/api/v1/status/incidents", "/status"),
                iterable(merged.path("paths").fieldNames()));
        assertEquals(List.of("Case", "UUID"), iterable(merged.at("/components/schemas").fieldNames()));
        assertEquals(1, merged.at("/components/securitySchemes").size());
        assertEquals(2, merged.path("tags").size());
    }

    @Test
    void aComponentDeclaredDifferentlyUnderOneNameFailsTheMerge() throws IOException {
        var e = assertThrows(MergeException.class, () -> OpenApiMerge.merge(List.of(
                doc("case-service", """
                        {"openapi": "3.0.3", "paths": {},
                         "components": {"schemas": {"Channel": {"type": "string", "enum": ["PORTAL", "EMAIL"]}}}}"""),
                doc("sla-service", """
                        {"openapi": "3.0.3", "paths": {},
                         "components": {"schemas": {"Channel": {"type": "string", "enum": ["chat", "phone"]}}}}""")),
                ROUTES, "1"));
        assertTrue(e.getMessage().contains("components.schemas Channel differs between case-service and sla-service"),
                e.getMessage());
    }

    @Test
    void aDuplicateOperationIdFailsTheMerge() throws IOException {
        var e = assertThrows(MergeException.class, () -> OpenApiMerge.merge(List.of(
                doc("case-service", """
                        {"openapi": "3.0.3", "paths": {"/api/v1/cases": {"get": {"operationId": "list", "responses": {}}}}}"""),
                doc("sla-service", """
                        {"openapi": "3.0.3", "paths": {"/api/v1/sla/plans": {"get": {"operationId": "list", "responses": {}}}}}""")),
                ROUTES, "1"));
        assertTrue(e.getMessage().contains("operationId list is used by case-service GET /api/v1/cases and sla-service GET "
                + "/api/v1/sla/plans"), e.getMessage());
    }

    @Test
    void anOperationWithoutOperationIdFailsTheMerge() throws IOException {
        var e = assertThrows(MergeException.class, () -> OpenApiMerge.merge(List.of(
                doc("sla-service", """
                        {"openapi": "3.0.3", "paths": {"/api/v1/sla/plans": {"get": {"operationId": "listPlans", "responses": {}},
                                                                            "post": {"responses": {}}}}}""")),
                ROUTES, "1"));
        assertTrue(e.getMessage().contains("sla-service POST /api/v1/sla/plans has no operationId"), e.getMessage());
        assertFalse(e.getMessage().contains("GET"), e.getMessage());
    }

    @Test
    void aPathTheGatewayDoesNotRouteToItsServiceFailsTheMerge() throws IOException {
        var e = assertThrows(MergeException.class, () -> OpenApiMerge.merge(List.of(
                doc("sla-service", """
                        {"openapi": "3.0.3", "paths": {"/api/v1/cases/{id}/sla": {"get": {"operationId": "a", "responses": {}}},
                                                       "/api/v1/internal/clocks": {"get": {"operationId": "b", "responses": {}}}}}""")),
                ROUTES, "1"));
        assertTrue(e.getMessage().contains("sla-service declares /api/v1/cases/{id}/sla, which the gateway routes to case-service"),
                e.getMessage());
        assertTrue(e.getMessage().contains("sla-service declares /api/v1/internal/clocks, which the gateway routes nowhere"),
                e.getMessage());
    }

    @Test
    void differentOpenApiVersionsFailTheMerge() throws IOException {
        assertThrows(MergeException.class, () -> OpenApiMerge.merge(List.of(
                doc("case-service", "{\"openapi\": \"3.0.3\", \"paths\": {}}"),
                doc("sla-service", "{\"openapi\": \"3.1.0\", \"paths\": {}}")), ROUTES, "1"));
    }

    private static ServiceDocument doc(String service, String json) throws IOException {
        return new ServiceDocument(service, JSON.readTree(json));
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static String nginxConf() {
        try {
            return Files.readString(Path.of("nginx.conf"));
        } catch (IOException e) {
            throw new IllegalStateException("run from deploy/gateway", e);
        }
    }
}
