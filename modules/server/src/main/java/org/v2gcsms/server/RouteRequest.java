package org.v2gcsms.server;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain HTTP request as a route sees it.
 *
 * @param path    the decoded path, without the query
 * @param query   decoded query parameters
 * @param headers header values by lower-case name
 */
public record RouteRequest(String method, String path, Map<String, List<String>> query,
                           Map<String, List<String>> headers, byte[] body, InetSocketAddress remoteAddress) {

    public RouteRequest {
        query = deepCopy(query);
        headers = deepCopy(headers);
        body = body.clone();
    }

    private static Map<String, List<String>> deepCopy(Map<String, List<String>> map) {
        return map.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
