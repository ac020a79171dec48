package org.v2gcsms.server;

/**
 * Plain HTTP on the stations' port, for paths outside the OCPP prefix (health, the back-office
 * API). Routes are asked in order; the first that {@link #matches} answers. Runs on a virtual thread.
 */
public interface HttpRoute {

    boolean matches(String method, String path);

    RouteResponse handle(RouteRequest request) throws Exception;
}
