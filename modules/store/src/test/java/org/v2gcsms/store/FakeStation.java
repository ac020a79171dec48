package org.v2gcsms.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.sessions.commands.StationCalls;

/**
 * Stands in for the stations at the far end of the domain's outbound port (the real path over WebSockets is
 * tested in the app module): answers each request type with what the test set, records what was sent, and is
 * "offline" for stations not marked connected.
 */
final class FakeStation implements StationCalls {
    private final Map<Class<?>, Function<Object, Object>> answers = new ConcurrentHashMap<>();
    private final Map<String, OcppVersion> connected = new ConcurrentHashMap<>();
    final List<Object> sent = new CopyOnWriteArrayList<>();

    FakeStation connect(String stationId) {
        connected.put(stationId, OcppVersion.V21);
        return this;
    }

    FakeStation disconnect(String stationId) {
        connected.remove(stationId);
        return this;
    }

    @SuppressWarnings("unchecked")
    <Q> FakeStation answer(Class<Q> requestType, Function<Q, Object> answer) {
        answers.put(requestType, r -> answer.apply((Q) r));
        return this;
    }

    @Override
    public CompletableFuture<Object> call(String stationId, Object request) {
        sent.add(request);
        Function<Object, Object> answer = answers.get(request.getClass());
        return answer == null
                ? CompletableFuture.failedFuture(new IllegalStateException("no answer for " + request.getClass()))
                : CompletableFuture.completedFuture(answer.apply(request));
    }

    @Override
    public Optional<OcppVersion> version(String stationId) {
        return Optional.ofNullable(connected.get(stationId));
    }
}
