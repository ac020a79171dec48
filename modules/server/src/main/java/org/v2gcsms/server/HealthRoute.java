package org.v2gcsms.server;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** {@code GET /health}: 200 {"status":"UP",...} while stations are accepted, 503 otherwise. */
final class HealthRoute implements HttpRoute {
    private final Supplier<ServerState> state;
    private final IntSupplier connectedStations;

    HealthRoute(Supplier<ServerState> state, IntSupplier connectedStations) {
        this.state = state;
        this.connectedStations = connectedStations;
    }

    @Override
    public boolean matches(String method, String path) {
        return method.equals("GET") && path.equals("/health");
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        ServerState now = state.get();
        if (now == ServerState.RUNNING) {
            return RouteResponse.json(200, "{\"status\":\"UP\",\"connectedStations\":" + connectedStations.getAsInt() + "}");
        }
        return RouteResponse.json(503, "{\"status\":\"DOWN\",\"state\":\"" + now + "\"}");
    }
}
