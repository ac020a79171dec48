package org.v2gcsms.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs twice: on a fresh embedded H2 file database and on a fresh database in a real PostgreSQL
 * server. It receives the {@link Store} (and may ask for the {@link DatabaseConfig} it was opened with).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothDatabases.class)
public @interface DatabaseTest {}
