package org.v2gcsms.api;

/**
 * A set of related endpoints (stations, commands, ...). New parts of the API (sessions, control, grid safety)
 * come as new groups added to {@link BackOfficeApi}; the router, auth, errors and audit need no change.
 */
public interface EndpointGroup {

    void addTo(ApiRouter.Builder router);
}
