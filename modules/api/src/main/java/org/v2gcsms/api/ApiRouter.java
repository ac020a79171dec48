package org.v2gcsms.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.server.HttpRoute;
import org.v2gcsms.server.RouteRequest;
import org.v2gcsms.server.RouteResponse;
import org.v2gcsms.sessions.backoffice.AuditEntry;
import org.v2gcsms.sessions.backoffice.AuditRepository;

/**
 * Everything under {@code /api/}: finds the endpoint for method and path, checks the caller's key and role,
 * runs it, answers errors as JSON ({@code {"error", "field"}}) and writes every authenticated write to the
 * audit trail. A client's mistake never becomes a 500: endpoints throw {@link ApiError}, and anything else
 * escaping is logged as the server's fault.
 */
public final class ApiRouter implements HttpRoute {
    private static final Logger log = LoggerFactory.getLogger(ApiRouter.class);
    public static final String PREFIX = "/api/";

    private final List<Endpoint> endpoints;
    private final ApiKeys keys;
    private final AuditRepository audit;
    private final Clock clock;

    private ApiRouter(List<Endpoint> endpoints, ApiKeys keys, AuditRepository audit, Clock clock) {
        this.endpoints = List.copyOf(endpoints);
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the endpoints of every group. */
    public static final class Builder {
        private final List<Endpoint> endpoints = new ArrayList<>();

        public Builder get(String path, Role role, Endpoint.Handler handler) {
            return add("GET", path, role, handler);
        }

        public Builder post(String path, Role role, Endpoint.Handler handler) {
            return add("POST", path, role, handler);
        }

        public Builder put(String path, Role role, Endpoint.Handler handler) {
            return add("PUT", path, role, handler);
        }

        public Builder delete(String path, Role role, Endpoint.Handler handler) {
            return add("DELETE", path, role, handler);
        }

        public Builder add(String method, String path, Role role, Endpoint.Handler handler) {
            PathTemplate template = PathTemplate.of(path);
            if (endpoints.stream().anyMatch(e -> e.method().equals(method) && e.path().text().equals(path))) {
                throw new IllegalArgumentException("Two endpoints for " + method + " " + path);
            }
            endpoints.add(new Endpoint(method, template, role, handler));
            return this;
        }

        public Builder add(EndpointGroup group) {
            group.addTo(this);
            return this;
        }

        public ApiRouter build(ApiKeys keys, AuditRepository audit, Clock clock) {
            return new ApiRouter(endpoints, keys, audit, clock);
        }
    }

    /** The registered endpoints (the OpenAPI document must list exactly these). */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public boolean matches(String method, String path) {
        return path.startsWith(PREFIX) || path.equals("/api");
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        List<String> segments = PathTemplate.split(request.path());
        List<Endpoint> onPath = new ArrayList<>();
        Endpoint chosen = null;
        Map<String, String> params = Map.of();
        for (Endpoint e : endpoints.stream().sorted(Comparator.comparingInt((Endpoint e) -> -e.path().literals()))
                .toList()) {
            Optional<Map<String, String>> m = e.path().match(segments);
            if (m.isPresent()) {
                onPath.add(e);
                if (chosen == null && e.method().equals(request.method())) {
                    chosen = e;
                    params = m.get();
                }
            }
        }
        if (onPath.isEmpty()) {
            return error(new ApiError(404, "no such resource: " + request.path(), null));
        }
        if (chosen == null) {
            String allowed = onPath.stream().map(Endpoint::method).distinct().collect(Collectors.joining(", "));
            return withHeader(error(new ApiError(405, request.method() + " is not allowed here (allowed: " + allowed
                    + ")", null)), "Allow", allowed);
        }
        Optional<Caller> caller = keys.authenticate(request);
        if (caller.isEmpty()) {
            return withHeader(error(new ApiError(401, "a valid API key is required (Authorization: Bearer <key> "
                    + "or X-API-Key: <key>)", null)), "WWW-Authenticate", "Bearer");
        }
        RouteResponse response;
        if (!caller.get().role().allows(chosen.role())) {
            response = error(new ApiError(403, "this needs the " + chosen.role().wire() + " role; the key has "
                    + caller.get().role().wire(), null));
        } else {
            response = run(chosen, new ApiRequest(request, params, caller.get()));
        }
        if (chosen.isWrite()) {
            audit(caller.get(), request, response.status());
        }
        return response;
    }

    private RouteResponse run(Endpoint endpoint, ApiRequest request) {
        try {
            return switch (endpoint.handler().handle(request)) {
                case Reply.Json json -> json(json.status(), json.body());
                case Reply.Raw raw -> raw.response();
            };
        } catch (ApiError e) {
            return error(e);
        } catch (Exception e) {
            log.error("API {} {} failed", request.http().method(), request.http().path(), e);
            return error(new ApiError(500, "internal error; the server log has the details", null));
        }
    }

    private void audit(Caller caller, RouteRequest request, int status) {
        try {
            audit.append(new AuditEntry(0, clock.instant(), caller.name(), caller.keyId(), request.method(),
                    request.path(), AuditDetail.of(request.body()), status));
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry of {} {} by {}", request.method(), request.path(),
                    caller.name(), e);
        }
    }

    static RouteResponse error(ApiError e) {
        JsonObject body = new JsonObject();
        body.addProperty("error", e.getMessage());
        if (e.field() != null) {
            body.addProperty("field", e.field());
        }
        e.extra().forEach(body::addProperty);
        return json(e.status(), body);
    }

    static RouteResponse json(int status, JsonElement body) {
        return new RouteResponse(status, "application/json", ApiJson.text(body).getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store"));
    }

    private static RouteResponse withHeader(RouteResponse r, String name, String value) {
        Map<String, String> headers = new java.util.HashMap<>(r.headers());
        headers.put(name, value);
        return new RouteResponse(r.status(), r.contentType(), r.body(), headers);
    }
}
