package org.v2gcsms.sessions.auth;

import java.util.List;
import java.util.Optional;

/** The token store, and per station the version of the local authorization list it holds. */
public interface TokenRepository {

    Optional<TokenRecord> find(String idToken, String type);

    /** Creates or replaces the token (by id token and type). */
    void save(TokenRecord token);

    void delete(String idToken, String type);

    List<TokenRecord> all();

    /** The local list version the station confirmed last; 0 when it never got one. */
    int localListVersion(String stationId);

    void localListStored(String stationId, int version);
}
