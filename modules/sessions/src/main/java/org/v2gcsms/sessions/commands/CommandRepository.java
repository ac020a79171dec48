package org.v2gcsms.sessions.commands;

import java.time.Instant;
import java.util.List;

/** The durable log of CALLs sent to stations. */
public interface CommandRepository {

    /** Records a CALL about to go out; returns its id. */
    long sent(String stationId, String action, String requestJson, Instant at);

    void answered(long id, String status, String responseJson, Instant at);

    void failed(long id, String error, Instant at);

    /** The station's most recent commands, newest first. */
    List<CommandRecord> recent(String stationId, int limit);
}
