package org.v2gcsms.app;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.v2gcsms.api.RegisteredStations;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.server.CallHandler;
import org.v2gcsms.server.ConnectedStation;
import org.v2gcsms.server.OcppHandlers;
import org.v2gcsms.server.PasswordHash;
import org.v2gcsms.server.StationLink;
import org.v2gcsms.server.StationListener;
import org.v2gcsms.server.StationRegistry;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.commands.StationCalls;
import org.v2gcsms.sessions.stations.StationRepository;
import org.v2gcsms.sessions.stations.UnknownStationPolicy;

/** Plugs the domain (sessions, over the store) into the server's ports. */
final class DomainWiring {
    private DomainWiring() {}

    static StationContext context(ConnectedStation station) {
        return new StationContext(station.stationId(), station.version(), station.connectionId());
    }

    /** Every station CALL the domain answers, for both OCPP versions; the taps see each request once answered. */
    @SuppressWarnings("unchecked")
    static void handle(OcppHandlers handlers, CsmsDomain domain, StationMessageTaps taps) {
        for (OcppVersion version : OcppVersion.values()) {
            OcppMessages messages = OcppMessages.of(version);
            for (String action : domain.messages().actions()) {
                messages.action(action).ifPresent(a -> handlers.on(version, (Class<Object>) a.requestType(),
                        (CallHandler<Object, Object>) (station, request) -> {
                            Object answer = domain.messages().answer(context(station), request);
                            taps.after(station.stationId(), request);
                            return answer;
                        }));
            }
        }
    }

    /** The domain's way out to stations, over the server's StationLink (known only once the server exists). */
    static StationCalls calls(Supplier<StationLink> link) {
        return new StationCalls() {
            @Override
            public CompletableFuture<Object> call(String stationId, Object request) {
                return link.get().call(stationId, request);
            }

            @Override
            public Optional<OcppVersion> version(String stationId) {
                return link.get().protocolVersion(stationId);
            }
        };
    }

    static StationListener listener(CsmsDomain domain) {
        return new StationListener() {
            @Override
            public void connected(ConnectedStation station) {
                domain.connected(context(station));
            }

            @Override
            public void disconnected(ConnectedStation station, String reason) {
                domain.disconnected(context(station));
            }
        };
    }

    /** Station credentials from the database; the password is kept as the server's PasswordHash encoding. */
    static StationRegistry registry(StationRepository stations, AutoRegistration autoRegistration) {
        return new RegisteredStations(stations, autoRegistration);
    }

    static UnknownStationPolicy unknownStations(AutoRegistration autoRegistration) {
        return switch (autoRegistration) {
            case ACCEPT -> UnknownStationPolicy.ACCEPT;
            case PENDING -> UnknownStationPolicy.PENDING;
            case REJECT -> UnknownStationPolicy.REJECT;
        };
    }
}
