package org.v2gcsms.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parts of the CSMS beside the domain that need to see station messages the domain answers (grid safety reads
 * grid readings and fault events from them). A tap runs after the domain answered, on the station's message
 * thread, with the request as the station sent it; one that throws is logged and the station still gets its
 * answer.
 */
final class StationMessageTaps {
    private static final Logger log = LoggerFactory.getLogger(StationMessageTaps.class);

    private final List<BiConsumer<String, Object>> taps = new CopyOnWriteArrayList<>();

    void add(BiConsumer<String, Object> tap) {
        taps.add(tap);
    }

    void after(String stationId, Object request) {
        for (BiConsumer<String, Object> t : taps) {
            try {
                t.accept(stationId, request);
            } catch (RuntimeException e) {
                log.error("Message tap failed on {} from {}", request.getClass().getSimpleName(), stationId, e);
            }
        }
    }
}
