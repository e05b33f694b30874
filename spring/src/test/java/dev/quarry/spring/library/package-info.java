/** Repositories Quarry generates from {@code src/test/sql} for the Spring tests. */
@GenerateQueries(migrations = "migrations", queries = "queries")
package dev.quarry.spring.library;

import dev.quarry.GenerateQueries;
