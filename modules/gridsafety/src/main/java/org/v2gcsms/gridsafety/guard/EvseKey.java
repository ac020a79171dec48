package org.v2gcsms.gridsafety.guard;

/** One EVSE of one station. */
public record EvseKey(String stationId, int evseId) {
    @Override
    public String toString() {
        return stationId + "/" + evseId;
    }
}
