/**
 * Repositories Quarry generates from {@code benchmarks/migrations} and {@code benchmarks/queries}.
 */
@GenerateQueries(migrations = "migrations", queries = "queries")
package dev.quarry.bench.db;

import dev.quarry.GenerateQueries;
