package org.v2gcsms.sessions.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.ocpp.v21.AuthorizeRequest;
import org.v2gcsms.ocpp.v21.AuthorizeResponse;
import org.v2gcsms.ocpp.v21.IdTokenInfoType;
import org.v2gcsms.ocpp.v21.IdTokenType;

/** Decides what an id token may do: Authorize requests and the idToken of TransactionEvents. */
public final class Authorizer {
    /** Tokens that need no lookup: the station authorized by its own means. */
    private static final String NO_AUTHORIZATION = "NoAuthorization";

    private final TokenRepository tokens;
    private final UnknownTokenPolicy unknownTokens;
    private final Clock clock;

    public Authorizer(TokenRepository tokens, UnknownTokenPolicy unknownTokens, Clock clock) {
        this.tokens = tokens;
        this.unknownTokens = unknownTokens;
        this.clock = clock;
    }

    public AuthorizeResponse authorize(AuthorizeRequest request) {
        return new AuthorizeResponse(info(request.idToken()), null, null, null, null);
    }

    public IdTokenInfoType info(IdTokenType token) {
        if (NO_AUTHORIZATION.equals(token.type())) {
            return status(AuthorizationStatusEnumType.Accepted);
        }
        Optional<TokenRecord> known = tokens.find(token.idToken(), token.type());
        if (known.isEmpty()) {
            return status(unknownTokens == UnknownTokenPolicy.ACCEPT
                    ? AuthorizationStatusEnumType.Accepted : AuthorizationStatusEnumType.Unknown);
        }
        TokenRecord t = known.get();
        Instant now = clock.instant();
        boolean expired = t.expiresAt() != null && !now.isBefore(t.expiresAt());
        AuthorizationStatusEnumType status = expired ? AuthorizationStatusEnumType.Expired : t.status();
        IdTokenType group = t.groupId() == null ? null : new IdTokenType(null, t.groupId(), "Central", null);
        return new IdTokenInfoType(status, expired ? null : t.expiresAt(), null, group, null, null, null, null, null);
    }

    private static IdTokenInfoType status(AuthorizationStatusEnumType status) {
        return new IdTokenInfoType(status, null, null, null, null, null, null, null, null);
    }
}
