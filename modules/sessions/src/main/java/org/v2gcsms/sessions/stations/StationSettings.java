package org.v2gcsms.sessions.stations;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How stations are received.
 *
 * @param heartbeatInterval  handed to accepted stations in BootNotificationResponse
 * @param bootRetryInterval  handed to pending and rejected stations: how long they wait before booting again
 * @param unknownStations    how the first boot of a station never seen is answered
 * @param provisioning       variables set on a pending station before it is accepted
 * @param reportTimeout      how long provisioning waits for the station's full base report
 */
public record StationSettings(Duration heartbeatInterval, Duration bootRetryInterval,
                              UnknownStationPolicy unknownStations, List<ProvisioningVariable> provisioning,
                              Duration reportTimeout) {

    /** One SetVariables entry of provisioning: {@code component.variable[instance] = value} (Actual attribute). */
    public record ProvisioningVariable(String component, String variable, String instance, String value) {
        public ProvisioningVariable {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
        }
    }

    public StationSettings {
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(bootRetryInterval, "bootRetryInterval");
        Objects.requireNonNull(unknownStations, "unknownStations");
        provisioning = List.copyOf(provisioning);
        Objects.requireNonNull(reportTimeout, "reportTimeout");
    }

    /** Provisioning sets the heartbeat interval: the one variable every station must take from its CSMS. */
    public static StationSettings of(Duration heartbeatInterval, UnknownStationPolicy unknownStations) {
        return new StationSettings(heartbeatInterval, Duration.ofSeconds(60), unknownStations,
                List.of(new ProvisioningVariable("OCPPCommCtrlr", "HeartbeatInterval", null,
                        Long.toString(heartbeatInterval.toSeconds()))),
                Duration.ofMinutes(2));
    }
}
