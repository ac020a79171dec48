package org.v2gcsms.api;

/** One API operation: method and path template, the least role that may call it, and what answers it. */
public record Endpoint(String method, PathTemplate path, Role role, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        /** The answer; throw {@link ApiError} for a client's mistake. */
        Reply handle(ApiRequest request) throws Exception;
    }

    public boolean isWrite() {
        return !method.equals("GET");
    }
}
