-- One row per EV session (one transaction at one station): plug-in, SoC, energy both ways, EV needs, the
-- maximum-duration bookkeeping. Deadlines are computed from plugged_in_at + max_duration_ms, so they survive
-- restarts. ev_needs is the EV's last NotifyEVChargingNeeds as JSON (read back whole, never queried).

CREATE TABLE charging_session (
    station_id           VARCHAR(255) NOT NULL,
    transaction_id       VARCHAR(64)  NOT NULL,
    evse_id              INT,
    connector_id         INT,
    id_token             VARCHAR(255),
    state                VARCHAR(16)  NOT NULL,
    end_reason           VARCHAR(32),
    stopped_reason       VARCHAR(32),
    plugged_in_at        TIMESTAMP WITH TIME ZONE,
    authorized_at        TIMESTAMP WITH TIME ZONE,
    first_energy_at      TIMESTAMP WITH TIME ZONE,
    charge_completed_at  TIMESTAMP WITH TIME ZONE,
    released_at          TIMESTAMP WITH TIME ZONE,
    ended_at             TIMESTAMP WITH TIME ZONE,
    soc_at_arrival       DOUBLE PRECISION,
    soc_at_arrival_at    TIMESTAMP WITH TIME ZONE,
    soc                  DOUBLE PRECISION,
    soc_at               TIMESTAMP WITH TIME ZONE,
    imported_wh          DOUBLE PRECISION,
    exported_wh          DOUBLE PRECISION,
    power_w              DOUBLE PRECISION,
    power_at             TIMESTAMP WITH TIME ZONE,
    battery_voltage_v    DOUBLE PRECISION,
    battery_current_a    DOUBLE PRECISION,
    battery_capacity_wh  DOUBLE PRECISION,
    target_soc           DOUBLE PRECISION NOT NULL,
    ev_needs             VARCHAR(8000),
    net_wh_at_needs      DOUBLE PRECISION,
    max_duration_ms      BIGINT,
    warned_at            TIMESTAMP WITH TIME ZONE,
    limit_reached_at     TIMESTAMP WITH TIME ZONE,
    stop_attempts        INT          NOT NULL,
    last_stop_attempt_at TIMESTAMP WITH TIME ZONE,
    stop_ignored         BOOLEAN      NOT NULL,
    last_seq_no          INT          NOT NULL,
    illegal_transitions  INT          NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (station_id, transaction_id)
);
CREATE INDEX charging_session_state ON charging_session (state);
CREATE INDEX charging_session_plugged ON charging_session (plugged_in_at);
CREATE INDEX charging_session_station ON charging_session (station_id, plugged_in_at);
