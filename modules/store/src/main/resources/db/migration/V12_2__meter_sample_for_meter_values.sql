-- After V12.1 moved the samples of transaction events into their events, meter_sample keeps only what arrived in
-- MeterValues outside transactions (and any sample whose event is missing). Copying those few rows is much cheaper
-- than deleting the many moved ones: H2 rewrites index pages for every deleted row. Copy, drop, rename, as V1_1.
CREATE TABLE meter_value_sample (
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
INSERT INTO meter_value_sample (station_id, transaction_id, seq_no, evse_id, sampled_at, measurand, context, phase,
                                location, reading, unit, multiplier, signed_data)
SELECT m.station_id, m.transaction_id, m.seq_no, m.evse_id, m.sampled_at, m.measurand, m.context, m.phase,
       m.location, m.reading, m.unit, m.multiplier, m.signed_data
FROM meter_sample m
WHERE m.transaction_id = ''
   OR NOT EXISTS (SELECT 1 FROM transaction_event e
                  WHERE e.station_id = m.station_id AND e.transaction_id = m.transaction_id AND e.seq_no = m.seq_no);
DROP TABLE meter_sample;
ALTER TABLE meter_value_sample RENAME TO meter_sample;
