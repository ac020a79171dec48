package org.v2gcsms.gridsafety;

import java.time.Instant;
import java.util.Map;
import org.v2gcsms.sessions.events.DomainEvent;

/** What grid safety publishes on the domain's bus (and so to the API's event stream and webhooks). */
public sealed interface GridSafetyEvent extends DomainEvent {

    String siteId();

    /** A site tripped: all its discharge went to zero and stays there. */
    record LossOfMainsTripped(String siteId, String from, String cause, Instant at) implements GridSafetyEvent {}

    /**
     * The grid came back inside the enter-service window (or the timer restarted after an excursion): export
     * returns once it has stayed inside for {@code delayS}.
     */
    record LossOfMainsReEnterStarted(String siteId, String from, String cause, double delayS, Instant at)
            implements GridSafetyEvent {}

    /** The enter-service delay passed: discharge returns at the preset's ramp. */
    record LossOfMainsRamping(String siteId, double rampPctPerS, Instant at) implements GridSafetyEvent {}

    /** The ramp completed: no loss-of-mains cap any more. */
    record LossOfMainsNormal(String siteId, Instant at) implements GridSafetyEvent {}

    /** The limit guard clamped setpoints of a site: how many of the batch and why. */
    record SetpointsClamped(String siteId, int setpoints, Map<String, Integer> reasons, Instant at)
            implements GridSafetyEvent {}

    /** A station reported its DER controls (ReportDERControl) or started/stopped one (NotifyDERStartStop). */
    record DerControlReported(String siteId, String stationId, String what, Instant at) implements GridSafetyEvent {}
}
