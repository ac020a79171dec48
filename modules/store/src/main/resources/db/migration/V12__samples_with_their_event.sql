-- A transaction event's sampled values are kept in its own row (StoredSamples' JSON text) instead of one
-- meter_sample row each: four wide rows and four wide index entries per event were most of the durable write
-- cost. meter_sample keeps the values sent in MeterValues, outside transactions. V12.1 moves the rows already
-- stored into their events.
ALTER TABLE transaction_event ADD COLUMN samples VARCHAR(10000000);
