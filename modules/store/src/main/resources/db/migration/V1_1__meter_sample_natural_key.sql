-- Meter samples are keyed by what they are, not by a generated id: taking an identity value costs H2 a store
-- write of its own under WRITE_DELAY=0, which capped event throughput. Copy, drop, rename: portable to both.
CREATE TABLE meter_reading (
    station_id     VARCHAR(255)     NOT NULL,
    transaction_id VARCHAR(64)      NOT NULL,
    seq_no         INT              NOT NULL,
    evse_id        INT              NOT NULL,
    sampled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    measurand      VARCHAR(64)      NOT NULL,
    context        VARCHAR(32)      NOT NULL,
    phase          VARCHAR(8)       NOT NULL,
    location       VARCHAR(16)      NOT NULL,
    reading        DOUBLE PRECISION NOT NULL,
    unit           VARCHAR(20)      NOT NULL,
    multiplier     INT              NOT NULL,
    signed_data    VARCHAR(32768),
    PRIMARY KEY (station_id, transaction_id, evse_id, sampled_at, measurand, context, phase, location)
);
INSERT INTO meter_reading (station_id, transaction_id, seq_no, evse_id, sampled_at, measurand, context, phase,
                           location, reading, unit, multiplier, signed_data)
SELECT station_id, transaction_id, seq_no, evse_id, sampled_at, measurand, context, phase, location, reading, unit,
       multiplier, signed_data
FROM meter_sample;
DROP TABLE meter_sample;
ALTER TABLE meter_reading RENAME TO meter_sample;
