// Casework: Swagger UI on the merged document that the gateway serves next to this page
// (/api/docs/ -> /api/v1/openapi.json). "Authorize" takes a bearer access token: docs/access.md.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: new URL("../v1/openapi.json", window.location.href).href,
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayOperationId: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
  });
};
