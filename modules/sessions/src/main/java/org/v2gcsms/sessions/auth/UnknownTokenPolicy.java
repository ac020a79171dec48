package org.v2gcsms.sessions.auth;

/** How Authorize and TransactionEvent answer an id token the token store does not have. */
public enum UnknownTokenPolicy {
    /** Answer Unknown: the station will not start (or will stop) charging. */
    REJECT,
    /** Answer Accepted: free charging for anyone (test sites, demos). */
    ACCEPT
}
