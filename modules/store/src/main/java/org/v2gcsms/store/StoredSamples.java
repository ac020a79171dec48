package org.v2gcsms.store;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.PhaseEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.transactions.MeterSample;

/**
 * The sampled values of one transaction event as the text of its {@code transaction_event.samples} column: a
 * JSON array with one array per value, {@code [timestamp, measurand, context, phase, location, value, unit,
 * multiplier]} and the signed meter data as a ninth element when there is any. Enum values are their OCPP wire
 * names, phase is null for a value over all phases. Readable by any SQL client's JSON functions.
 */
final class StoredSamples {
    /** The order meter samples are listed in: the order of the former {@code meter_sample} queries. */
    static final Comparator<MeterSample> ORDER = Comparator.comparing(MeterSample::timestamp)
            .thenComparing(s -> WireEnums.wire(s.measurand()))
            .thenComparing(s -> s.phase() == null ? "" : WireEnums.wire(s.phase()))
            .thenComparing(s -> WireEnums.wire(s.location()))
            .thenComparing(s -> WireEnums.wire(s.context()));

    private StoredSamples() {}

    /** The column text, or null for an event without sampled values. */
    static String encode(List<MeterSample> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        StringWriter text = new StringWriter(64 + 120 * samples.size());
        try (JsonWriter w = new JsonWriter(text)) {
            w.beginArray();
            for (MeterSample s : samples) {
                w.beginArray()
                        .value(s.timestamp().toString())
                        .value(WireEnums.wire(s.measurand()))
                        .value(WireEnums.wire(s.context()))
                        .value(s.phase() == null ? null : WireEnums.wire(s.phase()))
                        .value(WireEnums.wire(s.location()))
                        .value(s.value())
                        .value(s.unit())
                        .value(s.multiplier());
                if (s.signedMeterData() != null) {
                    w.value(s.signedMeterData());
                }
                w.endArray();
            }
            w.endArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return text.toString();
    }

    /** The sampled values in the column text (none for null). */
    static List<MeterSample> decode(String text) {
        if (text == null) {
            return List.of();
        }
        List<MeterSample> samples = new ArrayList<>();
        try (JsonReader r = new JsonReader(new StringReader(text))) {
            r.beginArray();
            while (r.hasNext()) {
                r.beginArray();
                Instant timestamp = Instant.parse(r.nextString());
                MeasurandEnumType measurand = WireEnums.parse(MeasurandEnumType.class, r.nextString());
                ReadingContextEnumType context = WireEnums.parse(ReadingContextEnumType.class, r.nextString());
                PhaseEnumType phase = WireEnums.parse(PhaseEnumType.class, stringOrNull(r));
                LocationEnumType location = WireEnums.parse(LocationEnumType.class, r.nextString());
                double value = r.nextDouble();
                String unit = r.nextString();
                int multiplier = r.nextInt();
                String signed = r.hasNext() ? r.nextString() : null;
                r.endArray();
                samples.add(new MeterSample(timestamp, measurand, context, phase, location, value, unit, multiplier,
                        signed));
            }
            r.endArray();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("Stored meter samples are unreadable: " + e.getMessage(), e);
        }
        return samples;
    }

    private static String stringOrNull(JsonReader r) throws IOException {
        if (r.peek() == JsonToken.NULL) {
            r.nextNull();
            return null;
        }
        return r.nextString();
    }
}
