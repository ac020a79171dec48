package org.v2gcsms.api;

/** Who made a request: the API key's id and name, and its role. */
public record Caller(String keyId, String name, Role role) {}
