package org.v2gcsms.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.v2gcsms.server.HttpRoute;
import org.v2gcsms.server.RouteRequest;
import org.v2gcsms.server.RouteResponse;

/**
 * The web dashboard: static files served from the jar at {@code /} (index.html) and {@code /dashboard/*}. The
 * page itself holds no data; it reads the API with the key the operator enters.
 */
public final class DashboardRoute implements HttpRoute {
    private static final String ROOT = "/org/v2gcsms/api/dashboard/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=UTF-8",
            "dashboard.js", "text/javascript; charset=UTF-8",
            "dashboard.css", "text/css; charset=UTF-8");

    @Override
    public boolean matches(String method, String path) {
        return method.equals("GET") && (path.equals("/") || path.startsWith("/dashboard/"));
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        String name = request.path().equals("/") ? "index.html" : request.path().substring("/dashboard/".length());
        String type = FILES.get(name);
        if (type == null) {
            return RouteResponse.text(404, "Not found");
        }
        try (InputStream in = DashboardRoute.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return RouteResponse.text(404, "Not found");
            }
            return new RouteResponse(200, type, in.readAllBytes(), Map.of("Cache-Control", "no-cache",
                    "Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
