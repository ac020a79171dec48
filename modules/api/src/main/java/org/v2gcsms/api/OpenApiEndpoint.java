package org.v2gcsms.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.v2gcsms.server.RouteResponse;

/** {@code GET /api/v1/openapi.json}: the hand-written OpenAPI 3 document (kept true by OpenApiDocumentTest). */
final class OpenApiEndpoint implements EndpointGroup {
    static final String RESOURCE = "/org/v2gcsms/api/openapi.json";

    @Override
    public void addTo(ApiRouter.Builder r) {
        byte[] document = document();
        r.get("/api/v1/openapi.json", Role.VIEWER, q -> new Reply.Raw(new RouteResponse(200, "application/json",
                document, Map.of())));
    }

    static byte[] document() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
