package org.v2gcsms.sessions.auth;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.v2gcsms.ocpp.v21.AuthorizationData;
import org.v2gcsms.ocpp.v21.GetLocalListVersionRequest;
import org.v2gcsms.ocpp.v21.GetLocalListVersionResponse;
import org.v2gcsms.ocpp.v21.IdTokenType;
import org.v2gcsms.ocpp.v21.SendLocalListRequest;
import org.v2gcsms.ocpp.v21.SendLocalListResponse;
import org.v2gcsms.ocpp.v21.SendLocalListStatusEnumType;
import org.v2gcsms.ocpp.v21.UpdateEnumType;
import org.v2gcsms.sessions.commands.StationCommands;

/**
 * Keeps a station's local authorization list equal to the token store: the station's version
 * (GetLocalListVersion) is compared with the one it last confirmed, and on any difference it gets the full
 * list under a new version number, which is recorded once the station accepts it.
 */
public final class LocalAuthList {
    private final TokenRepository tokens;
    private final Authorizer authorizer;
    private final StationCommands commands;

    /** What a sync did: the station's version before and after, and whether a list was sent. */
    public record SyncResult(int stationVersion, int version, boolean sent, SendLocalListStatusEnumType status) {}

    public LocalAuthList(TokenRepository tokens, Authorizer authorizer, StationCommands commands) {
        this.tokens = tokens;
        this.authorizer = authorizer;
        this.commands = commands;
    }

    public CompletableFuture<SyncResult> sync(String stationId) {
        return commands.send(stationId, new GetLocalListVersionRequest(null), GetLocalListVersionResponse.class)
                .thenCompose(v -> {
                    int stationVersion = v.versionNumber();
                    int confirmed = tokens.localListVersion(stationId);
                    if (stationVersion == confirmed && confirmed > 0) {
                        return CompletableFuture.completedFuture(new SyncResult(stationVersion, confirmed, false,
                                null));
                    }
                    int next = Math.max(stationVersion, confirmed) + 1;
                    return sendFull(stationId, next).thenApply(status -> new SyncResult(stationVersion,
                            status == SendLocalListStatusEnumType.Accepted ? next : stationVersion, true, status));
                });
    }

    /** Sends the whole token store as the station's list with this version number. */
    public CompletableFuture<SendLocalListStatusEnumType> sendFull(String stationId, int version) {
        List<AuthorizationData> entries = tokens.all().stream()
                .map(t -> {
                    IdTokenType token = new IdTokenType(null, t.idToken(), t.type(), null);
                    return new AuthorizationData(token, authorizer.info(token), null);
                }).toList();
        SendLocalListRequest request = new SendLocalListRequest(entries.isEmpty() ? null : entries, version,
                UpdateEnumType.Full, null);
        return commands.send(stationId, request, SendLocalListResponse.class).thenApply(r -> {
            if (r.status() == SendLocalListStatusEnumType.Accepted) {
                tokens.localListStored(stationId, version);
            }
            return r.status();
        });
    }
}
