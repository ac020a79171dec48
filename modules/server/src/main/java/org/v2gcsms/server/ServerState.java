package org.v2gcsms.server;

/** The lifecycle of a {@link CsmsServer}. Stations are accepted only while RUNNING. */
public enum ServerState {
    NEW,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED
}
