package org.v2gcsms.server;

/** Takes one kind of OCPP 2.1 SEND message. SENDs are never answered, so failures are only logged. */
@FunctionalInterface
public interface SendHandler<Q> {
    void handle(ConnectedStation station, Q message) throws Exception;
}
